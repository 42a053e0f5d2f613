package org.portcullis.sms.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmppStatusTest {

  @ParameterizedTest
  @CsvSource({
    "0, ESME_ROK",
    "13, ESME_RBINDFAIL",
    "11, ESME_RINVDSTADR",
    "88, ESME_RTHROTTLED",
    "20, ESME_RMSGQFUL",
    "1024, 0x00000400"
  })
  void namesStatuses(int status, String name) {
    assertEquals(name, SmppStatus.name(status));
  }

  @ParameterizedTest
  @CsvSource({"13, ESME_RBINDFAIL (0x0000000D)", "1024, command_status 0x00000400"})
  void describesStatuses(int status, String description) {
    assertEquals(description, SmppStatus.describe(status));
  }
}
