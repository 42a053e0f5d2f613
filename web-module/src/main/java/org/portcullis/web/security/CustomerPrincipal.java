package org.portcullis.web.security;

import java.security.Principal;
import org.portcullis.token.TokenService;

/** A customer's app or handset whose access token was approved for this request. */
public record CustomerPrincipal(TokenService.Approved token) implements Principal {

  @Override
  public String getName() {
    return token.account();
  }
}
