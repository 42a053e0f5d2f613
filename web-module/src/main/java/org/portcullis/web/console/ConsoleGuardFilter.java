package org.portcullis.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Guards the console before Faces sees a request.
 *
 * <p>A page that is a protected view (faces-config.xml: every console page but the ways in, {@link
 * #OPEN}) opened without the session's view token, by a bookmark or a link from elsewhere, goes to
 * the dashboard: Faces would refuse it anyway, and this way the refusal neither looks like an error
 * to the staff member nor fills the server log.
 *
 * <p>It refuses a console form post that another site made the browser send (OWASP: verify the
 * origin with standard headers). Browsers say where a request comes from in {@code Sec-Fetch-Site}
 * and {@code Origin}; a post whose headers name another site is answered 403 before Faces sees it.
 * A post with neither header (old or non-browser clients) still needs the session cookie, which is
 * {@code SameSite=Strict}, and the page's random view state.
 */
@WebFilter(urlPatterns = "/console/*")
public class ConsoleGuardFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The console pages that are not protected views: the ways in and the error pages. */
  static final Set<String> OPEN =
      Set.of(
          "/console/index.xhtml",
          "/console/login.xhtml",
          "/console/expired.xhtml",
          "/console/forbidden.xhtml",
          "/console/error.xhtml");

  static final String TOKEN = "jakarta.faces.Token";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equalsIgnoreCase(request.getMethod())
        && !sameOrigin(
            request.getHeader("Sec-Fetch-Site"),
            request.getHeader("Origin"),
            request.getScheme(),
            request.getServerName(),
            request.getServerPort())) {
      // a plain answer, not the error page: Faces would take this post for one of its own
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Refused: this form was not sent from the Portcullis console.\n");
      // committed here; web.xml maps no page to 403, since a Faces error page would take this
      // post for one of its own
      response.flushBuffer();
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if ("GET".equalsIgnoreCase(request.getMethod())
        && needsToken(path)
        && request.getParameter(TOKEN) == null) {
      response.sendRedirect(request.getContextPath() + "/console/index.xhtml");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean needsToken(String path) {
    return path.startsWith("/console/") && path.endsWith(".xhtml") && !OPEN.contains(path);
  }

  /**
   * Whether a post with these headers comes from this console's own pages. {@code Sec-Fetch-Site}
   * decides when present ({@code same-origin}, or {@code none} for a user's own navigation);
   * otherwise {@code Origin}, when present and not {@code null}, must be this server's.
   */
  static boolean sameOrigin(String fetchSite, String origin, String scheme, String host, int port) {
    if (fetchSite != null) {
      String site = fetchSite.trim().toLowerCase(Locale.ROOT);
      return site.equals("same-origin") || site.equals("none");
    }
    if (origin == null) {
      return true;
    }
    if (origin.equals("null")) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      int originPort = uri.getPort() != -1 ? uri.getPort() : defaultPort(uri.getScheme());
      return scheme.equalsIgnoreCase(uri.getScheme())
          && host.equalsIgnoreCase(uri.getHost())
          && port == originPort;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
