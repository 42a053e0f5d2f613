package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.portcullis.audit.ConsoleEvents;

/** Signs the staff member out: the session ends on the server, not only in the browser. */
@Named
@RequestScoped
public class SignOut {

  @Inject ExternalContext external;

  @Inject ConsoleUser me;

  @EJB ConsoleEvents events;

  public void signOut() throws IOException, ServletException {
    String username = me.getUsername();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    if (username != null) {
      events.signedOut(username);
    }
    external.redirect(external.getRequestContextPath() + "/console/login.xhtml?signedOut=true");
  }
}
