package org.portcullis.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code portcullis.public-url} (default {@code http://localhost:8080}; the launcher sets its own
 * address): where customers reach this server. Links texted and mailed to customers start with it.
 * Read and checked once at start-up. Callers reach it through its EJB proxy.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PublicUrl {

  @Inject
  @ConfigProperty(name = "portcullis.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  private String base;

  @PostConstruct
  void read() {
    try {
      URI uri = new URI(publicUrl.strip());
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalStateException(
            "portcullis.public-url must be an http(s) URL such as https://verify.bank.example");
      }
      String text = uri.toString();
      base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("portcullis.public-url is not a URL: " + e.getMessage(), e);
    }
  }

  /** The public base URL without a trailing slash. */
  public String base() {
    return base;
  }
}
