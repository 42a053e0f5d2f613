package org.portcullis.pattern;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The verification decision (SPEC §3.2 step 3 and §3.3): does the typed password match, and with
 * which function code. A typed password of the expected length must match; one longer by exactly
 * the number of designated positions must match after the code is removed, and the code must be in
 * the system's table; anything else fails.
 *
 * <p>The work done does not depend on whether a code is known: the password is compared either way,
 * so timing does not tell an attacker which codes a system uses. Stateless and thread-safe.
 */
public final class PatternCheck {

  private PatternCheck() {}

  /**
   * The decision.
   *
   * @param ok whether the customer is verified
   * @param function {@link FunctionCodeTable#NONE} on a plain success and on every failure,
   *     otherwise the function name looked up
   */
  public record Outcome(boolean ok, String function) {

    public Outcome {
      Objects.requireNonNull(function, "function");
      if (!ok && !function.equals(FunctionCodeTable.NONE)) {
        throw new IllegalArgumentException("a failure carries no function");
      }
    }

    /** A failure, which never carries a function. */
    public static Outcome failure() {
      return new Outcome(false, FunctionCodeTable.NONE);
    }
  }

  /**
   * Checks a password typed for a cell pattern.
   *
   * @param expected the pattern's expected answer to the presented grid
   * @param table the relying system's function codes ({@link FunctionCodeTable#none()} if none)
   * @param typed what the customer typed; {@code null} or non-digits fail
   */
  public static Outcome check(
      DerivationPattern.Expected expected, FunctionCodeTable table, String typed) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(table, "table");
    if (typed == null || !DerivationPattern.isDigits(typed)) {
      return Outcome.failure();
    }
    if (typed.length() == expected.length()) {
      return plain(expected.matches(typed));
    }
    Optional<FunctionCodeTable.Split> split = table.split(typed, expected.length());
    if (split.isEmpty()) {
      return Outcome.failure();
    }
    // compare before looking at the code, so an unknown code costs the same comparison
    boolean matches = expected.matches(split.get().rest());
    return withCode(matches, table.functionOf(split.get().code()));
  }

  /**
   * Checks a typed fixed password ({@code F}) against its stored hash. The {@code verifier} (a slow
   * hash comparison) runs exactly once whenever {@code typed} is digits, even when the length is
   * wrong, so response time tells nothing about the password's length or the system's codes.
   *
   * @param fixedLength the length of the registered fixed password
   * @param verifier tells whether a candidate is the registered password
   * @param table the relying system's function codes ({@link FunctionCodeTable#none()} if none)
   * @param typed what the customer typed; {@code null} or non-digits fail without a verification
   */
  public static Outcome checkFixed(
      int fixedLength, Predicate<String> verifier, FunctionCodeTable table, String typed) {
    if (fixedLength < 1) {
      throw new IllegalArgumentException("a fixed password has at least one digit");
    }
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(table, "table");
    if (typed == null || !DerivationPattern.isDigits(typed)) {
      return Outcome.failure();
    }
    if (typed.length() == fixedLength) {
      return plain(verifier.test(typed));
    }
    Optional<FunctionCodeTable.Split> split = table.split(typed, fixedLength);
    if (split.isEmpty()) {
      // cannot match, but hash anyway: a quick refusal would reveal the length
      verifier.test(typed);
      return Outcome.failure();
    }
    boolean matches = verifier.test(split.get().rest());
    return withCode(matches, table.functionOf(split.get().code()));
  }

  private static Outcome plain(boolean matches) {
    return matches ? new Outcome(true, FunctionCodeTable.NONE) : Outcome.failure();
  }

  private static Outcome withCode(boolean matches, Optional<String> function) {
    return matches && function.isPresent() ? new Outcome(true, function.get()) : Outcome.failure();
  }
}
