package org.portcullis.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response: a strict Content-Security-Policy (no inline script, no
 * framing), no MIME sniffing, no referrer, and no caching of API answers, which may carry secrets
 * shown once.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The console's policy. PrimeFaces adds a second header, {@code script-src 'self' 'nonce-…'},
   * with a fresh nonce per response (primefaces.CSP in web.xml); a browser enforces both, so
   * scripts must come from here or carry the nonce. This one leaves scripts to that header and
   * allows inline styles, which PrimeFaces' widgets set on their elements.
   */
  static final String CONSOLE_CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "font-src 'self' data:; script-src 'self' 'unsafe-inline'; connect-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean faces = isFaces(path);
    response.setHeader("Content-Security-Policy", faces ? CONSOLE_CSP : CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (path.startsWith("/api/") || path.startsWith("/console/")) {
      // API answers may carry secrets shown once; console pages show customers' data and must
      // not come back from the cache through the back button after signing out
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  /** Console pages and the Faces resources (PrimeFaces' scripts and styles) they load. */
  static boolean isFaces(String path) {
    return path.startsWith("/console/") || path.startsWith("/jakarta.faces.resource/");
  }
}
