package org.portcullis.web.api;

/** A request field that parsed as JSON but means nothing valid (an unparseable duration, say). */
public class InvalidFieldException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidFieldException(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
