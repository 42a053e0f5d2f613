package org.portcullis.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.portcullis.system.MessagePolicy;
import org.portcullis.system.SystemRole;

class SystemFormTest {

  @Test
  void aSendersUpdateCarriesTheLongestRetentionAsTyped() {
    SystemForm form = SystemForm.defaults();
    form.setName("Bank");
    form.setRoles(new SystemRole[] {SystemRole.VERIFIER, SystemRole.SENDER});
    form.setMessageMaxRetention(Duration.ofDays(30));

    assertEquals(Duration.ofDays(30), form.update().messageMaxRetention());
  }

  @Test
  void aSystemThatSendsNoMessagesLeavesItsMessagePolicyAlone() {
    SystemForm form = SystemForm.defaults();
    form.setName("Bank");
    form.setRoles(new SystemRole[] {SystemRole.VERIFIER});

    assertEquals(MessagePolicy.DEFAULT_MAX_RETENTION, form.getMessageMaxRetention());
    assertNull(form.update().messageMaxRetention());
  }
}
