package org.portcullis.sms.session;

import java.util.Locale;
import org.jsmpp.bean.BindType;

/** How the adapter binds to the gateway (SMPP 3.4 §4.1). */
public enum BindMode {
  /** bind_transceiver: send and receive on one session (the default). */
  TRX(BindType.BIND_TRX),
  /** bind_transmitter: send only; no mobile-originated messages or receipts arrive. */
  TX(BindType.BIND_TX),
  /** bind_receiver: receive only; sending fails. */
  RX(BindType.BIND_RX);

  private final BindType bindType;

  BindMode(BindType bindType) {
    this.bindType = bindType;
  }

  BindType bindType() {
    return bindType;
  }

  /** Whether a session bound this way may submit messages. */
  public boolean canSend() {
    return bindType.isTransmittable();
  }

  /** The SMPP operation name, for messages. */
  public String operation() {
    switch (this) {
      case TX:
        return "bind_transmitter";
      case RX:
        return "bind_receiver";
      default:
        return "bind_transceiver";
    }
  }

  /**
   * Reads {@code TRX}, {@code TX} or {@code RX} (any case; the long names {@code TRANSCEIVER},
   * {@code TRANSMITTER}, {@code RECEIVER} too).
   *
   * @throws InvalidSettingException naming {@code bindType}
   */
  public static BindMode parse(String value) {
    String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    switch (v) {
      case "TRX":
      case "TRANSCEIVER":
        return TRX;
      case "TX":
      case "TRANSMITTER":
        return TX;
      case "RX":
      case "RECEIVER":
        return RX;
      default:
        throw new InvalidSettingException("bindType", "must be TRX, TX or RX, not '" + value + "'");
    }
  }
}
