package org.portcullis.error;

import jakarta.ejb.ApplicationException;
import java.util.Map;
import java.util.Optional;

/**
 * A refused authentication whose consequences must stay: the failure counter it raised, the audit
 * record it wrote. Unlike every other {@link DomainException} it does not roll the transaction
 * back; the bean that throws it must have left the data consistent.
 *
 * <p>Most refusals answer 401; {@link #badInput} answers 400 for a wrong answer that must still
 * count (a confirmation answer that earns a fresh grid, say). {@link #accountHint()} is set only
 * where SPEC §3.7 allows it: a known token of this terminal that has expired names its account so
 * the app can offer the login.
 */
@ApplicationException(rollback = false)
public class Refusal extends DomainException {

  private static final long serialVersionUID = 1L;

  private final String accountHint;

  private Refusal(String type, String detail, String accountHint) {
    super(Kind.UNAUTHENTICATED, type, detail, Map.of());
    this.accountHint = accountHint;
  }

  private Refusal(Kind kind, String type, String detail, Map<String, String> fields) {
    super(kind, type, detail, fields);
    this.accountHint = null;
  }

  /** A 410 refusal whose consequences (the expiry it recorded, say) stay committed. */
  public static Refusal gone(String type, String detail) {
    return new Refusal(Kind.GONE, type, detail, Map.of());
  }

  /** A 400 refusal naming the field at fault, whose consequences stay committed. */
  public static Refusal badInput(String type, String field, String detail) {
    return new Refusal(Kind.BAD_INPUT, type, detail, Map.of(field, detail));
  }

  /** A refusal with no hint. */
  public static Refusal of(String type, String detail) {
    return new Refusal(type, detail, null);
  }

  /** A refusal naming the account whose token expired (SPEC §3.7). */
  public static Refusal withAccountHint(String type, String detail, String account) {
    return new Refusal(type, detail, account);
  }

  public Optional<String> accountHint() {
    return Optional.ofNullable(accountHint);
  }
}
