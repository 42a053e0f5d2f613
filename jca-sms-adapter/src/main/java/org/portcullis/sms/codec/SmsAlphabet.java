package org.portcullis.sms.codec;

/** The two alphabets the adapter sends in, with their SMPP {@code data_coding} values. */
public enum SmsAlphabet {
  /** GSM 03.38 default alphabet as unpacked septets ("SMSC default alphabet"). */
  GSM7(0x00, 160, 153),
  /** UCS-2, sent as UTF-16BE so that characters outside the BMP travel as surrogate pairs. */
  UCS2(0x08, 70, 67);

  private final int dataCoding;
  private final int singleLimit;
  private final int partLimit;

  SmsAlphabet(int dataCoding, int singleLimit, int partLimit) {
    this.dataCoding = dataCoding;
    this.singleLimit = singleLimit;
    this.partLimit = partLimit;
  }

  /** The SMPP {@code data_coding} value. */
  public int dataCoding() {
    return dataCoding;
  }

  /** How many units (septets or UTF-16 code units) fit in a message sent in one part. */
  public int singleLimit() {
    return singleLimit;
  }

  /**
   * How many units fit in one part of a concatenated message: the 6-octet user data header takes 7
   * septets or 3 UCS-2 characters of the 140 octets.
   */
  public int partLimit() {
    return partLimit;
  }
}
