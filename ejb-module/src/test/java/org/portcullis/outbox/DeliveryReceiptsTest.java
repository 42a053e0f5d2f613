package org.portcullis.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.outbox.DeliveryReceipts.Verdict;

class DeliveryReceiptsTest {

  /** Parts separated by '|'; "-" is a part without a receipt yet. */
  private static List<String> parts(String parts) {
    return Arrays.stream(parts.split("\\|")).map(p -> p.equals("-") ? null : p).toList();
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "DELIVRD, DELIVERED",
    "DELIVRD|DELIVRD|DELIVRD, DELIVERED",
    "delivrd, DELIVERED",
    "' DELIVRD ', DELIVERED",
    "-, PENDING",
    "DELIVRD|-, PENDING",
    "-|DELIVRD, PENDING",
    "ENROUTE, PENDING",
    "ACCEPTD, PENDING",
    "UNKNOWN, PENDING",
    "DELIVRD|UNKNOWN, PENDING",
    "UNDELIV, FAILED",
    "REJECTD, FAILED",
    "EXPIRED, FAILED",
    "DELETED, FAILED",
    "DELIVRD|UNDELIV, FAILED",
    "-|REJECTD|DELIVRD, FAILED",
    "undeliv, FAILED"
  })
  void verdicts(String parts, Verdict verdict) {
    assertEquals(verdict, DeliveryReceipts.evaluate(parts(parts)).verdict());
  }

  @Test
  void aFailureNamesTheStateAndThePart() {
    assertEquals(
        "delivery receipt EXPIRED for part 2 of 3",
        DeliveryReceipts.evaluate(parts("DELIVRD|EXPIRED|-")).reason());
    assertEquals("delivery receipt UNDELIV", DeliveryReceipts.evaluate(parts("UNDELIV")).reason());
  }

  @Test
  void theFirstFailedPartIsNamed() {
    assertEquals(
        "delivery receipt REJECTD for part 1 of 2",
        DeliveryReceipts.evaluate(parts("REJECTD|UNDELIV")).reason());
  }

  @Test
  void onlyFailuresHaveAReason() {
    assertNull(DeliveryReceipts.evaluate(parts("DELIVRD")).reason());
    assertNull(DeliveryReceipts.evaluate(parts("-")).reason());
  }

  @Test
  void aSentMessageHasParts() {
    assertThrows(IllegalArgumentException.class, () -> DeliveryReceipts.evaluate(List.of()));
  }

  @Test
  void statesAreNormalized() {
    assertEquals("DELIVRD", DeliveryReceipts.normalize(" delivrd\n"));
    assertEquals("ABCDEFGHIJKLMNOP", DeliveryReceipts.normalize("abcdefghijklmnopqrst"));
    assertNull(DeliveryReceipts.normalize(null));
  }
}
