package org.portcullis.web.api.group;

import jakarta.ws.rs.core.SecurityContext;
import org.portcullis.group.GroupCaller;
import org.portcullis.token.TokenService;
import org.portcullis.web.security.Callers;

/** The group services' caller from the approved access token of a {@code @CustomerCaller}. */
final class GroupCallers {

  private GroupCallers() {}

  static GroupCaller of(SecurityContext context) {
    TokenService.Approved token = Callers.customer(context);
    return new GroupCaller(token.account(), token.terminalId());
  }
}
