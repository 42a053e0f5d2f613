package org.portcullis.sms.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameter.Tag;
import org.jsmpp.bean.TypeOfNumber;
import org.portcullis.sms.api.InboundSms;
import org.portcullis.sms.codec.ConcatenatedMessageAssembler;
import org.portcullis.sms.codec.Concatenation;
import org.portcullis.sms.codec.DeliveryReceipt;
import org.portcullis.sms.codec.SmsDecoder;
import org.portcullis.sms.codec.UserDataHeader;

/**
 * Turns a deliver_sm into an {@link InboundSms}.
 *
 * <p>esm_class message type 0x04 (SMSC delivery receipt) or 0x20 (intermediate notification) makes
 * a receipt: the text is parsed as SMPP 3.4 appendix B describes, and the {@code
 * receipted_message_id} and {@code message_state} TLVs win over the text when present (they are
 * unambiguous; texts vary by gateway). Message type 0 is a mobile-originated message: decoded by
 * its data_coding, and when it is one part of a concatenated message (user data header, or the SAR
 * TLVs) held until every part has arrived. Other message types (SME acknowledgements) carry nothing
 * for the application and are answered but not delivered.
 *
 * <p>Addresses with TON international are returned in E.164 form with a leading {@code +}, as the
 * application stores MSISDNs.
 *
 * <p>Thread-safety: thread-safe (the assembler synchronises; the rest is stateless).
 */
final class InboundDecoder {

  private static final Logger LOG = Logger.getLogger(InboundDecoder.class.getName());

  static final int MESSAGE_TYPE_MASK = 0x3C;
  static final int SMSC_DELIVERY_RECEIPT = 0x04;
  static final int INTERMEDIATE_NOTIFICATION = 0x20;

  /** A decoded message; {@code assembled} is set when it was put together from parts. */
  record Decoded(InboundSms sms, ConcatenatedMessageAssembler.Key assembled) {}

  private final Clock clock;
  private final ConcatenatedMessageAssembler assembler;

  InboundDecoder(Clock clock) {
    this.clock = clock;
    // handsets send the parts of one message within seconds; ten minutes covers slow networks
    this.assembler = new ConcatenatedMessageAssembler(clock, Duration.ofMinutes(10), 1_000);
  }

  /**
   * Decodes one deliver_sm; empty when there is nothing to deliver yet (a part of a longer message)
   * or at all (an SME acknowledgement).
   *
   * @throws IllegalArgumentException when the PDU's user data header is malformed
   */
  Optional<Decoded> decode(DeliverSm pdu) {
    int esmClass = pdu.getEsmClass() & 0xFF;
    int messageType = esmClass & MESSAGE_TYPE_MASK;
    int dataCoding = pdu.getDataCoding() & 0xFF;
    byte[] shortMessage = userDataOf(pdu);
    byte[] userData = shortMessage;
    Concatenation concatenation = null;
    if ((esmClass & UserDataHeader.ESM_CLASS_UDHI) != 0) {
      UserDataHeader udh = UserDataHeader.parse(shortMessage);
      userData = Arrays.copyOfRange(shortMessage, udh.length(), shortMessage.length);
      concatenation = udh.concatenation().orElse(null);
    }
    String from = address(pdu.getSourceAddrTon(), pdu.getSourceAddr());
    String to = address(pdu.getDestAddrTon(), pdu.getDestAddress());

    if (messageType == SMSC_DELIVERY_RECEIPT || messageType == INTERMEDIATE_NOTIFICATION) {
      String text = SmsDecoder.decode(dataCoding, userData);
      Optional<DeliveryReceipt> parsed = DeliveryReceipt.parse(text);
      String messageId =
          stringTlv(pdu, Tag.RECEIPTED_MESSAGE_ID)
              .orElse(parsed.map(DeliveryReceipt::id).orElse(null));
      String state =
          byteTlv(pdu, Tag.MESSAGE_STATE)
              .flatMap(DeliveryReceipt::stateName)
              .orElse(parsed.map(DeliveryReceipt::state).orElse(null));
      return Optional.of(
          new Decoded(
              new InboundSms(
                  InboundSms.Kind.DELIVERY_RECEIPT,
                  from,
                  to,
                  text,
                  messageId,
                  state,
                  clock.instant()),
              null));
    }
    if (messageType != 0) {
      LOG.log(
          Level.FINE,
          "deliver_sm with esm_class 0x{0} is no message; answered, not delivered",
          Integer.toHexString(esmClass));
      return Optional.empty();
    }

    if (concatenation == null) {
      concatenation = sarConcatenation(pdu).orElse(null);
    }
    if (concatenation != null && concatenation.total() > 1) {
      ConcatenatedMessageAssembler.Key key =
          new ConcatenatedMessageAssembler.Key(
              from, to, concatenation.reference(), concatenation.total());
      Optional<ConcatenatedMessageAssembler.Assembled> whole =
          assembler.add(key, concatenation.sequence(), dataCoding, userData);
      if (whole.isEmpty()) {
        LOG.log(
            Level.FINE,
            "part {0} of {1} of a mobile-originated message held for the rest",
            new Object[] {concatenation.sequence(), concatenation.total()});
        return Optional.empty();
      }
      return Optional.of(new Decoded(mobileOriginated(from, to, whole.get().text()), key));
    }
    return Optional.of(
        new Decoded(mobileOriginated(from, to, SmsDecoder.decode(dataCoding, userData)), null));
  }

  /** Called once a decoded message has been handed on, so its parts can be forgotten. */
  void handedOver(Decoded decoded) {
    if (decoded.assembled() != null) {
      assembler.remove(decoded.assembled());
    }
  }

  private InboundSms mobileOriginated(String from, String to, String text) {
    return new InboundSms(
        InboundSms.Kind.MOBILE_ORIGINATED, from, to, text, null, null, clock.instant());
  }

  /**
   * short_message, or the message_payload TLV that replaces it for long texts (SMPP 3.4 §5.3.2.32).
   */
  private static byte[] userDataOf(DeliverSm pdu) {
    byte[] shortMessage = pdu.getShortMessage();
    if (shortMessage != null && shortMessage.length > 0) {
      return shortMessage;
    }
    OptionalParameter payload = pdu.getOptionalParameter(Tag.MESSAGE_PAYLOAD);
    if (payload instanceof OptionalParameter.OctetString octets) {
      return octets.getValue();
    }
    return new byte[0];
  }

  private static Optional<Concatenation> sarConcatenation(DeliverSm pdu) {
    OptionalParameter ref = pdu.getOptionalParameter(Tag.SAR_MSG_REF_NUM);
    OptionalParameter total = pdu.getOptionalParameter(Tag.SAR_TOTAL_SEGMENTS);
    OptionalParameter seq = pdu.getOptionalParameter(Tag.SAR_SEGMENT_SEQNUM);
    if (ref instanceof OptionalParameter.Short r
        && total instanceof OptionalParameter.Byte t
        && seq instanceof OptionalParameter.Byte s) {
      int totalParts = t.getValue() & 0xFF;
      int sequence = s.getValue() & 0xFF;
      if (totalParts >= 1 && sequence >= 1 && sequence <= totalParts) {
        return Optional.of(new Concatenation(r.getValue() & 0xFFFF, totalParts, sequence));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> stringTlv(DeliverSm pdu, Tag tag) {
    OptionalParameter parameter = pdu.getOptionalParameter(tag);
    if (parameter instanceof OptionalParameter.OctetString octets) {
      byte[] value = octets.getValue();
      int length = value.length;
      while (length > 0 && value[length - 1] == 0) {
        length--; // C-Octet String: drop the terminating NUL
      }
      String s = new String(value, 0, length, StandardCharsets.US_ASCII).trim();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
    return Optional.empty();
  }

  private static Optional<Integer> byteTlv(DeliverSm pdu, Tag tag) {
    OptionalParameter parameter = pdu.getOptionalParameter(tag);
    if (parameter instanceof OptionalParameter.Byte b) {
      return Optional.of(b.getValue() & 0xFF);
    }
    return Optional.empty();
  }

  static String address(byte ton, String address) {
    if (address == null) {
      return "";
    }
    if (ton == TypeOfNumber.INTERNATIONAL.value() && !address.startsWith("+")) {
      return "+" + address;
    }
    return address;
  }
}
