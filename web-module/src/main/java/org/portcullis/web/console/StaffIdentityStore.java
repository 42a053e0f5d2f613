package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.portcullis.staff.StaffDirectory;

/**
 * Staff accounts as a Jakarta Security identity store: the roles of a staff member are its groups,
 * mapped one to one onto the console's roles. The directory hashes, counts failures and audits;
 * this class only translates.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

  @EJB StaffDirectory staff;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return staff
        .authenticate(login.getCaller(), login.getPasswordAsString())
        .map(
            member ->
                new CredentialValidationResult(
                    member.username(),
                    member.roles().stream().map(Enum::name).collect(Collectors.toSet())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
