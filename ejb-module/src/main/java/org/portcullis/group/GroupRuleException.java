package org.portcullis.group;

/**
 * A group rule refused an input: {@link #field()} names the request member at fault (dotted for
 * nested ones, such as {@code accesses.per}), the message says why in words a person can act on.
 * The services turn it into a bad-input problem; nothing has changed when it is thrown.
 */
public class GroupRuleException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String type;
  private final String field;

  public GroupRuleException(String type, String field, String message) {
    super(message);
    this.type = type;
    this.field = field;
  }

  /** The problem type, e.g. {@code invalid-group-terms}. */
  public String type() {
    return type;
  }

  public String field() {
    return field;
  }
}
