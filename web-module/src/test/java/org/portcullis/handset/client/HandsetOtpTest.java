package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandsetOtpTest {

  @Test
  void codesAreEightDigitsAndVary() {
    SecureRandom random = new SecureRandom();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = HandsetOtp.generate(random);
      assertTrue(code.matches("[0-9]{8}"), code);
      codes.add(code);
    }
    // 200 draws from 10^8 codes: a repeat is a one-in-5000 event, more than one means a bug
    assertTrue(codes.size() >= 199, () -> codes.size() + " distinct codes in 200");
  }

  @Test
  void smallNumbersKeepTheirLeadingZeros() {
    SecureRandom tiny =
        new SecureRandom() {
          @Override
          public int nextInt(int bound) {
            return 42;
          }
        };

    assertEquals("00000042", HandsetOtp.generate(tiny));
  }

  @Test
  void theSmsIsKeywordSpaceCode() {
    assertEquals("REG 01234567", HandsetOtp.smsText("REG", "01234567"));
    assertEquals("JOIN 01234567", HandsetOtp.smsText("JOIN", "01234567"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "RE G", "REG\n"})
  void aKeywordMustBeOneWord(String keyword) {
    assertThrows(IllegalArgumentException.class, () -> HandsetOtp.smsText(keyword, "01234567"));
  }
}
