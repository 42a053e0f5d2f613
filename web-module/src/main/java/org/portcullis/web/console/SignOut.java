package org.portcullis.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.portcullis.audit.AuditLog;

/** Signs the staff member out: the session ends on the server, not only in the browser. */
@Named
@RequestScoped
public class SignOut {

  @Inject ExternalContext external;

  @Inject ConsoleUser me;

  @EJB AuditLog audit;

  public void signOut() throws IOException, ServletException {
    String username = me.getUsername();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    request.logout();
    external.invalidateSession();
    if (username != null) {
      audit.record(username, "staff.logout", "staff:" + username, "OK", "console");
    }
    external.redirect(external.getRequestContextPath() + "/console/login.xhtml?signedOut=true");
  }
}
