package org.portcullis.sms.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.codec.Gsm7;

class InboundDecoderTest {

  private static final Instant NOW = Instant.parse("2024-01-31T12:00:00Z");
  private final InboundDecoder decoder = new InboundDecoder(Clock.fixed(NOW, ZoneOffset.UTC));

  private static DeliverSm pdu(int esmClass, int dataCoding, byte[] shortMessage) {
    DeliverSm pdu = new DeliverSm();
    pdu.setEsmClass((byte) esmClass);
    pdu.setDataCoding((byte) dataCoding);
    pdu.setShortMessage(shortMessage);
    pdu.setSourceAddrTon((byte) 1);
    pdu.setSourceAddr("447700900123");
    pdu.setDestAddrTon((byte) 0);
    pdu.setDestAddress("12345");
    return pdu;
  }

  private InboundSms decode(DeliverSm pdu) {
    return decoder.decode(pdu).orElseThrow().sms();
  }

  @Test
  void mobileOriginatedGsmText() {
    InboundSms sms = decode(pdu(0x00, 0x00, Gsm7.encode("JOIN 1234 €")));
    assertEquals(InboundSms.Kind.MOBILE_ORIGINATED, sms.kind());
    assertEquals("+447700900123", sms.from(), "international TON becomes E.164");
    assertEquals("12345", sms.to());
    assertEquals("JOIN 1234 €", sms.text());
    assertNull(sms.receiptMessageId());
    assertEquals(NOW, sms.receivedAt());
  }

  @Test
  void mobileOriginatedUcs2Text() {
    InboundSms sms = decode(pdu(0x00, 0x08, "Привет 😀".getBytes(StandardCharsets.UTF_16BE)));
    assertEquals("Привет 😀", sms.text());
  }

  @Test
  void receiptTextIsParsedWhenThereAreNoTlvs() {
    String text =
        "id:abc123 sub:001 dlvrd:001 submit date:2401311200 done date:2401311201 stat:DELIVRD"
            + " err:000 text:Hello";
    InboundSms sms = decode(pdu(0x04, 0x00, Gsm7.encode(text)));
    assertEquals(InboundSms.Kind.DELIVERY_RECEIPT, sms.kind());
    assertEquals("abc123", sms.receiptMessageId());
    assertEquals("DELIVRD", sms.receiptState());
    assertTrue(sms.delivered());
    assertEquals(text, sms.text());
  }

  @Test
  void receiptTlvsWinOverTheText() {
    DeliverSm pdu =
        pdu(0x04, 0x00, Gsm7.encode("id:1 sub:001 dlvrd:000 stat:DELIVRD err:000 text:x"));
    pdu.setOptionalParameters(
        new OptionalParameter.Receipted_message_id("0A1B2C"),
        new OptionalParameter.Message_state((byte) 5));
    InboundSms sms = decode(pdu);
    assertEquals("0A1B2C", sms.receiptMessageId());
    assertEquals("UNDELIV", sms.receiptState());
  }

  @Test
  void concatenatedMobileOriginatedIsHeldUntilComplete() {
    byte[] part1 = withUdh(0x11, 2, 1, Gsm7.encode("a".repeat(153)));
    byte[] part2 = withUdh(0x11, 2, 2, Gsm7.encode("bc"));
    assertTrue(decoder.decode(pdu(0x40, 0x00, part2)).isEmpty());
    InboundDecoder.Decoded whole = decoder.decode(pdu(0x40, 0x00, part1)).orElseThrow();
    assertEquals("a".repeat(153) + "bc", whole.sms().text());
    decoder.handedOver(whole);
  }

  @Test
  void sarTlvsAlsoConcatenate() {
    DeliverSm first = pdu(0x00, 0x00, Gsm7.encode("Hello "));
    first.setOptionalParameters(
        new OptionalParameter.Sar_msg_ref_num((short) 300),
        new OptionalParameter.Sar_total_segments((byte) 2),
        new OptionalParameter.Sar_segment_seqnum((byte) 1));
    DeliverSm second = pdu(0x00, 0x00, Gsm7.encode("world"));
    second.setOptionalParameters(
        new OptionalParameter.Sar_msg_ref_num((short) 300),
        new OptionalParameter.Sar_total_segments((byte) 2),
        new OptionalParameter.Sar_segment_seqnum((byte) 2));
    assertTrue(decoder.decode(first).isEmpty());
    assertEquals("Hello world", decode(second).text());
  }

  @Test
  void messagePayloadTlvReplacesAnEmptyShortMessage() {
    DeliverSm pdu = pdu(0x00, 0x00, new byte[0]);
    pdu.setOptionalParameters(new OptionalParameter.Message_payload(Gsm7.encode("long one")));
    assertEquals("long one", decode(pdu).text());
  }

  @Test
  void smeAcknowledgementsAreNotDelivered() {
    assertTrue(decoder.decode(pdu(0x08, 0x00, Gsm7.encode("ack"))).isEmpty());
  }

  @Test
  void malformedHeaderIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> decoder.decode(pdu(0x40, 0x00, new byte[] {0x09, 0x00, 0x03})));
  }

  private static byte[] withUdh(int reference, int total, int sequence, byte[] payload) {
    byte[] part = new byte[6 + payload.length];
    byte[] header = {0x05, 0x00, 0x03, (byte) reference, (byte) total, (byte) sequence};
    System.arraycopy(header, 0, part, 0, 6);
    System.arraycopy(payload, 0, part, 6, payload.length);
    return part;
  }
}
