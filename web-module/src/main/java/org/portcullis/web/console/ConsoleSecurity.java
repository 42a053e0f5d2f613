package org.portcullis.web.console;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login for the console (Jakarta Security). A request for a console page without a session
 * goes to {@code login.xhtml} by redirect; after signing in the browser returns to the page it
 * asked for. The API under {@code /api} has no security constraint and keeps its own authentication
 * (HTTP Basic, bearer tokens), which this mechanism leaves alone.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = "/console/login.xhtml",
            useForwardToLogin = false,
            errorPage = ""))
@DeclareRoles({"ADMIN", "OPERATOR", "AUDITOR"})
@ApplicationScoped
public class ConsoleSecurity {}
