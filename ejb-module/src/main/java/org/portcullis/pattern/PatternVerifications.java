package org.portcullis.pattern;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.portcullis.system.RelyingSystem;
import org.portcullis.token.TokenService;

/**
 * Pattern verification (SPEC §3.2-3.5). Flow A: the handset asks for a challenge for a system ID
 * and the relying system sends the typed password. Flow B: the relying system shows a use ID, the
 * handset claims it, gets the grid and answers; the relying system reads the result by use ID.
 * Either way one pending verification takes exactly one answer.
 */
public interface PatternVerifications {

  /** The presented grid for one verification; {@code tempId} only where the system uses them. */
  record Challenge(String eventId, Grid grid, Instant expiresAt, String tempId) {}

  enum Result {
    OK,
    FAIL
  }

  /**
   * The answer a relying system gets. Every answer has this shape, success or not; {@code function}
   * is {@link FunctionCodeTable#NONE} unless a function code was typed, {@code pairwiseId} is set
   * on success only.
   */
  record Verification(Result result, String function, String pairwiseId, String verificationId) {}

  record IssuedUseId(String useId, Instant expiresAt) {}

  enum UseIdState {
    PENDING,
    OK,
    FAIL,
    EXPIRED
  }

  record UseIdStatus(UseIdState state, String function, String pairwiseId, String verificationId) {}

  /** Flow A, step 2: the handset's customer asks for a grid for {@code systemId}. */
  Challenge challenge(TokenService.Approved handset, String systemId, Set<String> disclose);

  /** Flow B: the handset's customer claims the use ID a relying system shows. */
  Challenge claimUseId(TokenService.Approved handset, String useId, Set<String> disclose);

  /**
   * Flow A, step 3: the relying system's answer, naming the customer by {@code account} or by
   * {@code tempId} (exactly one). No pending verification: {@code FAIL}, audited as illegitimate.
   */
  Verification verify(RelyingSystem caller, String account, String tempId, String password);

  /** Flow B: the handset sends the password for its claimed use ID's grid. */
  void answer(TokenService.Approved handset, String eventId, String password);

  /** Flow B: a fresh use ID (6 digits, 5 minutes, single use). */
  IssuedUseId issueUseId(RelyingSystem caller);

  /** Flow B: where the use ID stands, for the system that issued it. */
  UseIdStatus useIdStatus(RelyingSystem caller, String useId);

  /**
   * SPEC §3.5: once, after a successful verification with a disclosure set, the attributes both
   * disclosed and allowed to this confirmer.
   */
  Map<String, String> releaseAttributes(RelyingSystem caller, String verificationId);
}
