package org.portcullis.system;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registers relying systems and authenticates their calls. */
public interface SystemRegistry {

  /** What staff ask for when registering a system. */
  record Registration(String name, Set<SystemRole> roles, PinPadPolicy pinPad) {}

  /** The new system's ID and its secret, which is shown this once and never again. */
  record Credentials(String systemId, String secret) {}

  Credentials register(Registration registration, String staffUsername);

  /**
   * The enabled system with this ID and secret. Takes the same time whether or not the ID exists.
   */
  Optional<RelyingSystem> authenticate(String systemId, String secret);

  Optional<RelyingSystem> find(String systemId);

  List<RelyingSystem> list();
}
