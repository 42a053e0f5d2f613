package org.portcullis.web.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.omnifaces.util.Messages;
import org.portcullis.error.DomainException;
import org.portcullis.web.security.SignInRefusals;

/**
 * The sign-in form. The staff directory checks the password, counts failures (an account locks for
 * a while after repeated failures) and audits; this page adds the per-address budget of refused
 * sign-ins and says the same thing for every kind of refusal, so that it does not tell which
 * usernames exist.
 */
@Named
@RequestScoped
public class LoginPage {

  static final String REFUSED = "Wrong username or password, or the account is locked or disabled.";

  @Inject SecurityContext security;

  @Inject FacesContext faces;

  @Inject ExternalContext external;

  @Inject SignInRefusals refusals;

  private String username;
  private String password;

  /** A signed-in staff member who opens the sign-in page goes to the dashboard. */
  public void redirectIfSignedIn() throws IOException {
    if (security.getCallerPrincipal() != null) {
      external.redirect(external.getRequestContextPath() + "/console/index.xhtml");
    }
  }

  public void login() throws IOException {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    String address = request.getRemoteAddr();
    try {
      refusals.checkAllowed(address);
    } catch (DomainException throttled) {
      Messages.addGlobalError(throttled.getMessage());
      return;
    }
    if (request.getSession(false) != null) {
      // a new session id at sign-in: an id planted before sign-in is worth nothing after it
      request.changeSessionId();
    }
    UsernamePasswordCredential credential =
        new UsernamePasswordCredential(username, new Password(password));
    password = null;
    AuthenticationStatus status =
        security.authenticate(
            request, response, withParams().credential(credential).newAuthentication(true));
    switch (status) {
      case SEND_CONTINUE:
        // the mechanism sent the browser back to the page it first asked for
        faces.responseComplete();
        break;
      case SUCCESS:
        external.redirect(external.getRequestContextPath() + "/console/index.xhtml");
        break;
      default:
        refusals.refused(address);
        Messages.addGlobalError(REFUSED);
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return null;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
