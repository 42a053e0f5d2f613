package org.portcullis.outbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the delivery receipts of a sent SMS say about it. An SMS may have been split into several
 * parts, each with its own gateway message id and its own receipt (SMPP 3.4 appendix B final
 * states).
 *
 * <ul>
 *   <li>any part with a final negative state ({@code UNDELIV}, {@code REJECTD}, {@code EXPIRED},
 *       {@code DELETED}): the message failed, and the reason names the state and the part;
 *   <li>otherwise every part {@code DELIVRD}: the message was delivered;
 *   <li>otherwise (parts without a receipt yet, or with {@code ENROUTE}, {@code ACCEPTD}, {@code
 *       UNKNOWN}): still only sent.
 * </ul>
 */
public final class DeliveryReceipts {

  public static final String DELIVERED = "DELIVRD";

  private static final Set<String> FINAL_FAILURES =
      Set.of("UNDELIV", "REJECTD", "EXPIRED", "DELETED");

  private DeliveryReceipts() {}

  /** The verdict on a sent message. */
  public enum Verdict {
    PENDING,
    DELIVERED,
    FAILED
  }

  /**
   * @param verdict what the receipts say
   * @param reason for {@link Verdict#FAILED}, which part failed how; otherwise null
   */
  public record Outcome(Verdict verdict, String reason) {}

  /**
   * @param partStates the receipt state of each part in order, null where no receipt came yet; at
   *     least one part
   */
  public static Outcome evaluate(List<String> partStates) {
    if (partStates.isEmpty()) {
      throw new IllegalArgumentException("a sent SMS has at least one part");
    }
    boolean allDelivered = true;
    for (int i = 0; i < partStates.size(); i++) {
      String state = normalize(partStates.get(i));
      // Set.of(...).contains(null) throws: a part without a receipt is simply not delivered yet
      if (state != null && FINAL_FAILURES.contains(state)) {
        return new Outcome(
            Verdict.FAILED,
            partStates.size() == 1
                ? "delivery receipt " + state
                : "delivery receipt "
                    + state
                    + " for part "
                    + (i + 1)
                    + " of "
                    + partStates.size());
      }
      allDelivered &= DELIVERED.equals(state);
    }
    return new Outcome(allDelivered ? Verdict.DELIVERED : Verdict.PENDING, null);
  }

  /** Receipt states as stored: trimmed, upper case, at most 16 characters; null stays null. */
  public static String normalize(String state) {
    if (state == null) {
      return null;
    }
    String normalized = state.strip().toUpperCase(Locale.ROOT);
    return normalized.length() > 16 ? normalized.substring(0, 16) : normalized;
  }
}
