package org.portcullis.sms.session;

/** A setting of the adapter has a value it cannot work with; names the setting. */
public class InvalidSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String property;

  public InvalidSettingException(String property, String problem) {
    super(property + ": " + problem);
    this.property = property;
  }

  /** The name of the offending setting, as configured on the resource adapter. */
  public String property() {
    return property;
  }
}
