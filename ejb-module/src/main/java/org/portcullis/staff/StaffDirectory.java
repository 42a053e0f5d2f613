package org.portcullis.staff;

import java.util.Optional;

/** Authenticates staff and keeps their accounts. */
public interface StaffDirectory {

  /**
   * The enabled staff member with this username and password. Costs one password hash whether or
   * not the username exists.
   */
  Optional<StaffMember> authenticate(String username, String password);

  /** Creates the first admin ({@code admin}) when no staff account exists yet. */
  boolean createFirstAdmin(String password);
}
