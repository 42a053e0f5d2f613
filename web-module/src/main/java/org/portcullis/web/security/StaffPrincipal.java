package org.portcullis.web.security;

import java.security.Principal;
import org.portcullis.staff.StaffMember;

/** An authenticated staff member. */
public record StaffPrincipal(StaffMember member) implements Principal {
  @Override
  public String getName() {
    return member.username();
  }
}
