package org.portcullis.pattern;

import java.util.Objects;
import org.portcullis.error.DomainException;

/**
 * A pattern, table, rule or function-code table that breaks one of the product's rules (SPEC
 * §3.1–3.3). Carries a stable slug for the rule ({@link #rule()}) and the request field at fault
 * ({@link #field()}); services answer it as {@link #asBadInput()}, the 400 problem naming both.
 *
 * <p>The message is shown to the customer or to staff, so it never contains the cells, digits or
 * conversion rule of a pattern: only the rule broken and, for tables, the table's own numbers.
 */
public final class PatternRuleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String rule;
  private final String field;

  /**
   * @param rule stable slug, e.g. {@code too-short}
   * @param field the request field at fault, e.g. {@code positions}
   * @param message a sentence for people, free of secrets
   */
  public PatternRuleException(String rule, String field, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The stable slug of the rule broken, e.g. {@code cell-overused}. */
  public String rule() {
    return rule;
  }

  /** The request field at fault, e.g. {@code positions} or {@code rule}. */
  public String field() {
    return field;
  }

  /** The bad-input problem the caller sees: typed by the rule's slug, naming the field. */
  public DomainException asBadInput() {
    return DomainException.badInput(rule, field, getMessage());
  }
}
