package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ServerLogTest {

  @Test
  void mojarrasViewTokenNeverReachesTheLog() {
    assertFalse(
        ServerLog.loggable(
            new LogRecord(
                Level.SEVERE, "correctSecretKeyValue = abc incomingSecretKeyValue = def")));
    assertTrue(ServerLog.loggable(new LogRecord(Level.SEVERE, "Error Rendering View")));
    assertTrue(ServerLog.loggable(new LogRecord(Level.INFO, null)));
  }
}
