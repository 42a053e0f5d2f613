package org.portcullis.web.security;

import java.security.Principal;
import org.portcullis.system.RelyingSystem;

/** An authenticated relying system. */
public record SystemPrincipal(RelyingSystem system) implements Principal {
  @Override
  public String getName() {
    return system.systemId();
  }
}
