package org.portcullis.dashboard;

import java.time.Instant;
import java.util.List;

/** The numbers the console's dashboard shows, read together. */
public interface Dashboard {

  /**
   * The audit actions that are a customer's verification, with the outcomes their services record:
   *
   * <ul>
   *   <li>{@code pinpad.verify}: a relying system's PIN pad answer ({@code OK}, {@code FAIL},
   *       {@code EXPIRED}, {@code LOCKED});
   *   <li>{@code pattern.verify}: a pattern answer, flow A or B ({@code OK}, {@code FAIL}, {@code
   *       EXPIRED}, {@code LOCKED}, {@code ILLEGITIMATE});
   *   <li>{@code token.login}: an app's password login ({@code OK}, {@code FAIL}, {@code LOCKED},
   *       {@code UNKNOWN_ACCOUNT}).
   * </ul>
   *
   * Not counted: {@code token.access} (a token's use on every app request, not a verification of a
   * credential), {@code handset.enroll} (an enrollment) and {@code pinpad.open} or {@code
   * pattern.challenge} (the start of a verification that is counted when answered).
   */
  List<String> VERIFICATION_ACTIONS = List.of("pinpad.verify", "pattern.verify", "token.login");

  /**
   * The outcome of a verification that succeeded; every other outcome of {@link
   * #VERIFICATION_ACTIONS} is a failure (the customer was not verified).
   */
  String OK = "OK";

  /** How many whole minutes {@link Snapshot#perMinute()} covers. */
  int MINUTES = 30;

  /**
   * The verifications of one minute.
   *
   * @param minute its first instant (UTC, seconds zero)
   * @param ok verifications that succeeded
   * @param failed verifications that did not
   */
  record MinuteCount(Instant minute, long ok, long failed) {}

  /**
   * @param at when the snapshot was taken (the server's clock)
   * @param perMinute the last {@link #MINUTES} whole minutes before {@code at}'s minute, oldest
   *     first, minutes without verifications included as zeros
   * @param verificationsLastHour verifications in the hour up to {@code at}, successful or not
   * @param failuresLastHour of those, the ones that failed
   * @param lockedFactors customers' factors locked now (hard locks and timed locks not yet over)
   * @param openDuressAlerts duress alerts not yet acknowledged
   * @param smsBacklog SMS queued or being sent
   * @param smsFailed SMS given up (staff may retry them)
   * @param mailBacklog mails queued or being sent
   * @param mailFailed mails given up
   */
  record Snapshot(
      Instant at,
      List<MinuteCount> perMinute,
      long verificationsLastHour,
      long failuresLastHour,
      long lockedFactors,
      long openDuressAlerts,
      long smsBacklog,
      long smsFailed,
      long mailBacklog,
      long mailFailed) {

    public Snapshot {
      perMinute = List.copyOf(perMinute);
    }
  }

  Snapshot snapshot();
}
