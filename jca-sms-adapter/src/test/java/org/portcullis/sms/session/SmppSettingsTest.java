package org.portcullis.sms.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmppSettingsTest {

  static SmppSettings.Builder valid() {
    return SmppSettings.builder().host("smsc.example").systemId("portcullis").password("s3cret");
  }

  @Test
  void defaultsSuitE164AndASmallContract() {
    SmppSettings settings = valid().build();
    assertEquals(2775, settings.port());
    assertEquals(BindMode.TRX, settings.bindMode());
    assertEquals("", settings.systemType());
    assertEquals("", settings.sourceAddress());
    assertEquals(TypeOfNumber.INTERNATIONAL, settings.destinationTon());
    assertEquals(NumberingPlanIndicator.ISDN, settings.destinationNpi());
    assertEquals(10, settings.ratePerSecond());
    assertEquals(30, settings.enquireLinkSeconds());
    assertEquals(1_000, settings.reconnectMinMillis());
    assertEquals(60_000, settings.reconnectMaxMillis());
  }

  static Stream<Arguments> badSettings() {
    return Stream.of(
        bad("host", b -> b.host(null)),
        bad("host", b -> b.host("  ")),
        bad("systemId", b -> b.systemId(null)),
        bad("systemId", b -> b.systemId("a-system-id-too-long")),
        bad("password", b -> b.password(null)),
        bad("password", b -> b.password("")),
        bad("password", b -> b.password("ninechars")),
        bad("port", b -> b.port(0)),
        bad("port", b -> b.port(65_536)),
        bad("port", b -> b.port(null)),
        bad("systemType", b -> b.systemType("thirteen-char")),
        bad("bindType", b -> b.bindType("BOTH")),
        bad("sourceAddress", b -> b.sourceAddress("123456789012345678901")),
        bad("sourceTon", b -> b.sourceTon("GALACTIC")),
        bad("sourceNpi", b -> b.sourceNpi("42")),
        bad("destinationTon", b -> b.destinationTon("9")),
        bad("destinationNpi", b -> b.destinationNpi("")),
        bad("ratePerSecond", b -> b.ratePerSecond(-1)),
        bad("enquireLinkSeconds", b -> b.enquireLinkSeconds(0)),
        bad("connectTimeoutMillis", b -> b.connectTimeoutMillis(0)),
        bad("responseTimeoutMillis", b -> b.responseTimeoutMillis(-5)),
        bad("reconnectMinMillis", b -> b.reconnectMinMillis(0)),
        bad("reconnectMaxMillis", b -> b.reconnectMinMillis(5_000).reconnectMaxMillis(1_000)));
  }

  private static Arguments bad(String property, UnaryOperator<SmppSettings.Builder> change) {
    return Arguments.of(property, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSettings")
  void refusesBadValuesNamingTheProperty(
      String property, UnaryOperator<SmppSettings.Builder> change) {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> change.apply(valid()).build());
    assertEquals(property, e.property());
    assertTrue(e.getMessage().startsWith(property + ": "), e.getMessage());
  }

  @Test
  void neverEchoesThePassword() {
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> valid().password("toolong!!").build());
    assertFalse(e.getMessage().contains("toolong"));
    assertFalse(valid().build().toString().contains("s3cret"));
  }

  @Test
  void readsTonAndNpiByNameOrNumber() {
    SmppSettings settings =
        valid()
            .sourceTon("alphanumeric")
            .sourceNpi("0")
            .destinationTon("1")
            .destinationNpi("isdn")
            .build();
    assertEquals(TypeOfNumber.ALPHANUMERIC, settings.sourceTon());
    assertEquals(NumberingPlanIndicator.UNKNOWN, settings.sourceNpi());
    assertEquals(TypeOfNumber.INTERNATIONAL, settings.destinationTon());
    assertEquals(NumberingPlanIndicator.ISDN, settings.destinationNpi());
  }

  @Test
  void readsBindTypesInAnyCase() {
    assertEquals(BindMode.TX, valid().bindType("tx").build().bindMode());
    assertEquals(BindMode.RX, valid().bindType("receiver").build().bindMode());
  }

  @Test
  void rateZeroMeansUnlimitedAndIsAllowed() {
    assertEquals(0, valid().ratePerSecond(0).build().ratePerSecond());
  }

  @Test
  void toBuilderRoundTrips() {
    SmppSettings settings = valid().port(2776).sourceAddress("Bank").sourceTon("5").build();
    assertEquals(settings, settings.toBuilder().build());
  }
}
