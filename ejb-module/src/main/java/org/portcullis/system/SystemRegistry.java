package org.portcullis.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Registers relying systems and authenticates their calls. */
public interface SystemRegistry {

  /** What staff ask for when registering a system. */
  record Registration(
      String name,
      Set<SystemRole> roles,
      PinPadPolicy pinPad,
      PatternPolicy pattern,
      boolean shared,
      Set<String> attributeAllowance) {

    /** A system with the default pattern policy, not shared, no attribute allowance. */
    public Registration(String name, Set<SystemRole> roles, PinPadPolicy pinPad) {
      this(name, roles, pinPad, PatternPolicy.defaults(), false, Set.of());
    }
  }

  /**
   * What staff change on a system; every null member keeps the current value (a partial update).
   *
   * @param messageMaxRetention a sender's longest message retention ({@link MessagePolicy})
   */
  record Update(
      String name,
      Set<SystemRole> roles,
      PinPadPolicy pinPad,
      PatternPolicy.Change pattern,
      Boolean shared,
      Set<String> attributeAllowance,
      Duration messageMaxRetention) {

    /** An update that leaves the message policy as it is. */
    public Update(
        String name,
        Set<SystemRole> roles,
        PinPadPolicy pinPad,
        PatternPolicy.Change pattern,
        Boolean shared,
        Set<String> attributeAllowance) {
      this(name, roles, pinPad, pattern, shared, attributeAllowance, null);
    }
  }

  /** A sender's webhook and its signing secret, which is shown this once and never again. */
  record Webhook(String systemId, String url, String secret) {
    @Override
    public String toString() {
      return "Webhook[systemId=" + systemId + ", url=" + url + "]";
    }
  }

  /** The new system's ID and its secret, which is shown this once and never again. */
  record Credentials(String systemId, String secret) {}

  Credentials register(Registration registration, String staffUsername);

  /**
   * The enabled system with this ID and secret. Takes the same time whether or not the ID exists.
   */
  Optional<RelyingSystem> authenticate(String systemId, String secret);

  Optional<RelyingSystem> find(String systemId);

  /**
   * Changes a system's settings; audited.
   *
   * @throws org.portcullis.error.DomainException not found, or bad input naming the field
   */
  RelyingSystem update(String systemId, Update update, String staffUsername);

  /**
   * Replaces a system's function-code table (SPEC §3.3); audited.
   *
   * @param positions designated positions counted from the right; empty turns codes off
   * @param codes code → function name
   * @throws org.portcullis.error.DomainException not found, or bad input ({@code
   *     bad-function-codes}) naming the field, leaving the table as it was
   */
  RelyingSystem changeFunctionCodes(
      String systemId, List<Integer> positions, Map<String, String> codes, String staffUsername);

  /**
   * Gives the system a new random secret, made like the one {@link #register} made; the old secret
   * stops working at once, since only the new one's hash is kept. Audited ({@code
   * system.rotate-secret}).
   *
   * @return the system ID and the new secret, which is shown this once and never again
   * @throws org.portcullis.error.DomainException not found ({@code unknown-system})
   */
  Credentials rotateSecret(String systemId, String staffUsername);

  /**
   * Stops the system from authenticating (its calls answer 401) while keeping its settings, so that
   * staff can let it back in with {@link #enable}. Audited ({@code system.disable}).
   *
   * @throws org.portcullis.error.DomainException not found ({@code unknown-system}); conflict
   *     ({@code system-already-disabled}) when it is disabled already, so that a second click
   *     neither hides a mistake nor writes a second audit record
   */
  RelyingSystem disable(String systemId, String staffUsername);

  /**
   * Lets a disabled system authenticate again with the secret it had. Audited ({@code
   * system.enable}).
   *
   * @throws org.portcullis.error.DomainException not found ({@code unknown-system}); conflict
   *     ({@code system-already-enabled}) when it is enabled already
   */
  RelyingSystem enable(String systemId, String staffUsername);

  /**
   * Points a sender's replies at {@code url} with a new signing secret (Standard Webhooks, {@code
   * whsec_…}); a secret it had before stops being used at once. Audited ({@code system.webhook}).
   *
   * @return the URL and the new secret, shown this once
   * @throws org.portcullis.error.DomainException not found; bad input {@code invalid-webhook-url};
   *     forbidden {@code role-required} unless the system is a {@link SystemRole#SENDER}
   */
  Webhook setWebhook(String systemId, String url, String staffUsername);

  /**
   * Stops pushing a sender's replies (they stay available to fetch). Audited ({@code
   * system.webhook.remove}).
   *
   * @throws org.portcullis.error.DomainException not found; conflict {@code no-webhook}
   */
  RelyingSystem removeWebhook(String systemId, String staffUsername);

  List<RelyingSystem> list();
}
