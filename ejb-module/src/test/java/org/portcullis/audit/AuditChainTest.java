package org.portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {

  /** The content of one audit row, so a test can change exactly one field. */
  private record Row(
      long chainIndex,
      String previousHash,
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String subject,
      String outcome,
      String detail) {

    String hash() {
      return AuditChain.hash(
          chainIndex, previousHash, id, occurredAt, actor, action, subject, outcome, detail);
    }
  }

  private static final Row ROW =
      new Row(
          7,
          "a".repeat(64),
          1050,
          Instant.parse("2024-03-01T09:00:00.123456Z"),
          "system:BANK0001",
          "pinpad.verify",
          "customer:0012345678",
          "OK",
          "factor=PINPAD");

  @Test
  void isSixtyFourLowercaseHexCharacters() {
    assertTrue(ROW.hash().matches("[0-9a-f]{64}"), ROW.hash());
    assertTrue(AuditChain.GENESIS.matches("0{64}"));
  }

  @Test
  void isTheSameForTheSameRecord() {
    Row copy =
        new Row(
            7,
            "a".repeat(64),
            1050,
            Instant.parse("2024-03-01T09:00:00.123456Z"),
            "system:" + "BANK0001",
            "pinpad.verify",
            "customer:0012345678",
            "OK",
            "factor=PINPAD");

    assertEquals(ROW.hash(), copy.hash());
  }

  static Stream<Arguments> oneFieldChanged() {
    return Stream.of(
        change("chain index", r -> withIndex(r, 8)),
        change("previous hash", r -> withPrevious(r, "b" + "a".repeat(63))),
        change("previous hash: genesis", r -> withPrevious(r, AuditChain.GENESIS)),
        change("id", r -> withId(r, 1051)),
        change("instant: one microsecond", r -> withAt(r, r.occurredAt().plusNanos(1_000))),
        change("instant: one second", r -> withAt(r, r.occurredAt().plusSeconds(1))),
        change("actor", r -> withText(r, 0, "system:BANK0002")),
        change("actor: null", r -> withText(r, 0, null)),
        change("action", r -> withText(r, 1, "pinpad.open")),
        change("subject", r -> withText(r, 2, "customer:0012345679")),
        change("subject: null", r -> withText(r, 2, null)),
        change("subject: empty", r -> withText(r, 2, "")),
        change("outcome", r -> withText(r, 3, "FAILED")),
        change("detail", r -> withText(r, 4, "factor=PATTERN")),
        change("detail: trailing space", r -> withText(r, 4, "factor=PINPAD ")),
        change("detail: null", r -> withText(r, 4, null)),
        change("detail: empty", r -> withText(r, 4, "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneFieldChanged")
  void changesWhenAnyFieldChanges(String what, UnaryOperator<Row> change) {
    assertNotEquals(ROW.hash(), change.apply(ROW).hash(), what);
  }

  @Test
  void tellsNullFromEmptyText() {
    Row withNull = withText(ROW, 4, null);
    Row withEmpty = withText(ROW, 4, "");
    Row withMinusOne = withText(ROW, 4, "-1");

    assertNotEquals(withNull.hash(), withEmpty.hash());
    assertNotEquals(withNull.hash(), withMinusOne.hash());
  }

  @Test
  void keepsMicrosecondsAndIgnoresWhatTheDatabaseDropsBelowThem() {
    Instant at = Instant.parse("2024-03-01T09:00:00.123456Z");

    assertNotEquals(withAt(ROW, at).hash(), withAt(ROW, at.plusNanos(1_000)).hash());
    assertNotEquals(withAt(ROW, at).hash(), withAt(ROW, at.minusNanos(1_000)).hash());
    // a record read back from H2 or PostgreSQL (microsecond columns) must still verify
    assertEquals(withAt(ROW, at).hash(), withAt(ROW, at.plusNanos(999)).hash());
  }

  @ParameterizedTest
  @CsvSource({
    // micro-of-second written without zero padding must still not collide: .1µs vs .100µs
    "2024-03-01T09:00:00.000001Z, 2024-03-01T09:00:00.000100Z",
    "2024-03-01T09:00:00.000010Z, 2024-03-01T09:00:00.000100Z",
    "2024-03-01T09:00:01Z, 2024-03-01T09:00:00.000001Z",
    "1969-12-31T23:59:59.999999Z, 1970-01-01T00:00:00Z"
  })
  void distinctMicrosecondsNeverCollide(Instant a, Instant b) {
    assertNotEquals(withAt(ROW, a).hash(), withAt(ROW, b).hash());
  }

  @ParameterizedTest
  @CsvSource({
    "ab, c, a, bc",
    "c, ab, cab, ''",
    "'a|b', c, a, 'b|c'", // the field separator inside a field
    "'3:abc', x, '', '3:abcx'" // a length prefix inside a field
  })
  void fieldsCannotBeShiftedIntoEachOther(
      String actor1, String action1, String actor2, String action2) {
    Row first = withText(withText(ROW, 0, actor1), 1, action1);
    Row second = withText(withText(ROW, 0, actor2), 1, action2);

    assertNotEquals(first.hash(), second.hash());
  }

  @Test
  void subjectAndDetailCannotBeShiftedAcrossTheOutcome() {
    Row first = withText(withText(withText(ROW, 2, "x|2:OK|"), 3, "OK"), 4, "y");
    Row second = withText(withText(withText(ROW, 2, "x"), 3, "OK"), 4, "2:OK|y");

    assertNotEquals(first.hash(), second.hash());
  }

  @Test
  void chainsEachHashIntoTheNext() {
    String first = withPrevious(withIndex(ROW, 1), AuditChain.GENESIS).hash();
    String second = withPrevious(withIndex(withId(ROW, 1051), 2), first).hash();
    String forgedFirst =
        withText(withPrevious(withIndex(ROW, 1), AuditChain.GENESIS), 3, "OK!").hash();

    // editing the first row changes what the second must point to
    assertNotEquals(first, forgedFirst);
    assertNotEquals(second, withPrevious(withIndex(withId(ROW, 1051), 2), forgedFirst).hash());
  }

  private static Arguments change(String what, UnaryOperator<Row> change) {
    return Arguments.of(what, change);
  }

  private static Row withIndex(Row r, long index) {
    return new Row(
        index,
        r.previousHash(),
        r.id(),
        r.occurredAt(),
        r.actor(),
        r.action(),
        r.subject(),
        r.outcome(),
        r.detail());
  }

  private static Row withPrevious(Row r, String previous) {
    return new Row(
        r.chainIndex(),
        previous,
        r.id(),
        r.occurredAt(),
        r.actor(),
        r.action(),
        r.subject(),
        r.outcome(),
        r.detail());
  }

  private static Row withId(Row r, long id) {
    return new Row(
        r.chainIndex(),
        r.previousHash(),
        id,
        r.occurredAt(),
        r.actor(),
        r.action(),
        r.subject(),
        r.outcome(),
        r.detail());
  }

  private static Row withAt(Row r, Instant at) {
    return new Row(
        r.chainIndex(),
        r.previousHash(),
        r.id(),
        at,
        r.actor(),
        r.action(),
        r.subject(),
        r.outcome(),
        r.detail());
  }

  /** Replaces text field {@code n}: 0 actor, 1 action, 2 subject, 3 outcome, 4 detail. */
  private static Row withText(Row r, int n, String value) {
    String[] text = {r.actor(), r.action(), r.subject(), r.outcome(), r.detail()};
    text[n] = value;
    return new Row(
        r.chainIndex(),
        r.previousHash(),
        r.id(),
        r.occurredAt(),
        text[0],
        text[1],
        text[2],
        text[3],
        text[4]);
  }
}
