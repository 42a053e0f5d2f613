package org.portcullis.pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portcullis.pattern.FunctionCodeTable.Split;

class FunctionCodeTableTest {

  private static List<Integer> positions(String text) {
    return text.isEmpty()
        ? List.of()
        : Stream.of(text.split(",")).map(Integer::valueOf).collect(Collectors.toList());
  }

  @Test
  void theDefaultTableIsTheSpecOne() {
    FunctionCodeTable table = FunctionCodeTable.defaults();

    assertEquals(List.of(1), table.positions());
    assertEquals(
        Map.of("0", "PRACTICE", "1", "READ_ONLY", "2", "DURESS", "9", "DUMMY"), table.codes());
    assertEquals(List.of("0", "1", "2", "9"), new ArrayList<>(table.codes().keySet()));
  }

  @ParameterizedTest
  @CsvSource({"0, PRACTICE", "1, READ_ONLY", "2, DURESS", "9, DUMMY"})
  void looksUpTheDefaultCodes(String code, String function) {
    assertEquals(Optional.of(function), FunctionCodeTable.defaults().functionOf(code));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"3", "8", "00", "NONE"})
  void unknownCodesHaveNoFunction(String code) {
    assertEquals(Optional.empty(), FunctionCodeTable.defaults().functionOf(code));
  }

  @ParameterizedTest
  @CsvSource({
    "1, 4, 06952, 0695, 2",
    "'3,1', 4, 069527, 0692, 57",
    "'1,3', 4, 069527, 0692, 75",
    "'3,1', 4, 069557, 0695, 57",
    "'6,1', 4, 106952, 0695, 12",
    "4, 4, 06952, 0952, 6",
    "5, 4, 30695, 0695, 3",
    "'2,4,1,3', 2, 123456, 12, 5364",
    "16, 15, 9012345678901234, 012345678901234, 9"
  })
  void removesTheDesignatedPositionsCountedFromTheRight(
      String positions, int expectedLength, String typed, String rest, String code) {
    FunctionCodeTable table = new FunctionCodeTable(positions(positions), Map.of());

    assertEquals(Optional.of(new Split(rest, code)), table.split(typed, expectedLength));
  }

  @Test
  void splitsTheSpecExample() {
    Split split = FunctionCodeTable.defaults().split("06952", 4).orElseThrow();

    assertEquals("0695", split.rest());
    assertEquals("2", split.code());
    assertEquals(Optional.of("DURESS"), FunctionCodeTable.defaults().functionOf(split.code()));
    assertEquals("Split[length=4]", split.toString());
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "1, 4, 0695",
        "1, 4, 069521",
        "1, 4, 069",
        "1, 4, ''",
        "1, 4, NULL",
        "'3,1', 4, 06952",
        "'', 4, 06952",
        "16, 4, 06952",
        "6, 4, 06952",
        "1, -1, ''"
      },
      nullValues = "NULL")
  void doesNotSplitWhenTheLengthDoesNotFit(String positions, int expectedLength, String typed) {
    FunctionCodeTable table = new FunctionCodeTable(positions(positions), Map.of());

    assertEquals(Optional.empty(), table.split(typed, expectedLength));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "0; positions",
        "17; positions",
        "-1; positions",
        "1,1; positions",
        "1,2,3,4,5; positions"
      })
  void refusesBadPositions(String positions, String field) {
    PatternRuleException e =
        assertThrows(
            PatternRuleException.class,
            () -> new FunctionCodeTable(positions(positions), Map.of()));

    assertEquals("bad-function-codes", e.rule());
    assertEquals(field, e.field());
  }

  @Test
  void refusesMissingPositionsOrCodes() {
    List<Integer> withNull = Arrays.asList(1, null);

    assertEquals(
        "positions",
        assertThrows(PatternRuleException.class, () -> new FunctionCodeTable(null, Map.of()))
            .field());
    assertEquals(
        "positions",
        assertThrows(PatternRuleException.class, () -> new FunctionCodeTable(withNull, Map.of()))
            .field());
    assertEquals(
        "codes",
        assertThrows(PatternRuleException.class, () -> new FunctionCodeTable(List.of(1), null))
            .field());
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "1, 01, DURESS",
        "1, a, DURESS",
        "1, '', DURESS",
        "1, \u0662, DURESS",
        "2, 1, DURESS",
        "1, 2, duress",
        "1, 2, NONE",
        "1, 2, ''",
        "1, 2, 1DURESS",
        "1, 2, _DURESS",
        "1, 2, DURESS-NOW",
        "1, 2, ABCDEFGHIJKLMNOPQRSTUVWXYZ1234567",
        "1, NULL, DURESS",
        "1, 2, NULL",
        "'', 2, DURESS"
      },
      nullValues = "NULL")
  void refusesBadCodes(String positions, String code, String name) {
    Map<String, String> codes = new HashMap<>();
    codes.put(code, name);
    List<Integer> width =
        positions.isEmpty()
            ? List.of()
            : positions.equals("2") ? List.of(2, 1) : List.of(Integer.parseInt(positions));

    PatternRuleException e =
        assertThrows(PatternRuleException.class, () -> new FunctionCodeTable(width, codes));

    assertEquals("bad-function-codes", e.rule());
    assertEquals("codes", e.field());
  }

  @Test
  void acceptsCustomNamesAndUpToAHundredCodes() {
    Map<String, String> codes = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      codes.put(String.format("%02d", i), "LOCK_CARD_" + i);
    }
    codes.put("42", "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456");

    FunctionCodeTable table = new FunctionCodeTable(List.of(5, 2), codes);

    assertEquals(100, table.codes().size());
    assertEquals(Optional.of("LOCK_CARD_7"), table.functionOf("07"));

    codes.put("100", "ONE_TOO_MANY");
    assertThrows(PatternRuleException.class, () -> new FunctionCodeTable(List.of(5, 2), codes));
  }

  @Test
  void aSystemWithoutPositionsUsesNoCodes() {
    FunctionCodeTable none = FunctionCodeTable.none();

    assertEquals(new FunctionCodeTable(List.of(), Map.of()), none);
    assertEquals(Optional.empty(), none.split("06952", 4));
    assertDoesNotThrow(() -> new FunctionCodeTable(List.of(1, 2, 3, 4), Map.of()));
  }

  @Test
  void keepsCopiesAndSortsCodes() {
    List<Integer> positions = new ArrayList<>(List.of(2, 1));
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("90", "LATE");
    codes.put("05", "EARLY");

    FunctionCodeTable table = new FunctionCodeTable(positions, codes);
    positions.add(3);
    codes.put("11", "ADDED");

    assertEquals(List.of(2, 1), table.positions());
    assertEquals(List.of("05", "90"), new ArrayList<>(table.codes().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> table.positions().add(4));
    assertThrows(UnsupportedOperationException.class, () -> table.codes().put("22", "X"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1|0=PRACTICE,1=READ_ONLY,2=DURESS,9=DUMMY",
        "|",
        "3,1|57=LOCK_CARD",
        "16,2,9,1|0000=A,9999=Z_9",
        "2,1|"
      })
  void encodesLosslessly(String encoded) {
    FunctionCodeTable table = FunctionCodeTable.decode(encoded);

    assertEquals(encoded, table.encode());
    assertEquals(table, FunctionCodeTable.decode(table.encode()));
  }

  @Test
  void encodesTheDefaults() {
    assertEquals(
        "1|0=PRACTICE,1=READ_ONLY,2=DURESS,9=DUMMY", FunctionCodeTable.defaults().encode());
    assertEquals(
        FunctionCodeTable.defaults(),
        FunctionCodeTable.decode("1|9=DUMMY,0=PRACTICE,1=READ_ONLY,2=DURESS"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "1",
        "1|2=DURESS|",
        "0|",
        "1,1|",
        "1,2,3,4,5|",
        "a|",
        "1|2=duress",
        "1|2=NONE",
        "1|2=",
        "1|=DURESS",
        "1|2=DURESS,",
        "1|2=DURESS,2=PRACTICE",
        "1|22=DURESS",
        "|2=DURESS",
        " 1|2=DURESS",
        "1|2 =DURESS"
      })
  void decodeRefusesMalformedText(String encoded) {
    assertThrows(IllegalArgumentException.class, () -> FunctionCodeTable.decode(encoded));
  }

  @Test
  void decodeRefusesMoreThanAHundredCodes() {
    String codes =
        Stream.iterate(0, i -> i + 1)
            .limit(101)
            .map(i -> String.format("%03d=F", i))
            .collect(Collectors.joining(","));

    assertThrows(IllegalArgumentException.class, () -> FunctionCodeTable.decode("3,2,1|" + codes));
    assertFalse(codes.isEmpty());
    assertTrue(FunctionCodeTable.decode("3,2,1|000=F").functionOf("000").isPresent());
  }
}
