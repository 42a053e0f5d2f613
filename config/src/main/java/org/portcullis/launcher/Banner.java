package org.portcullis.launcher;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text shown on the console once Portcullis is ready: where to go and, in demo mode, the demo
 * credentials. Printing demo credentials is the point of demo mode; outside it no password is ever
 * shown.
 */
final class Banner {

  private static final String RULE = "=".repeat(78);

  private Banner() {}

  /**
   * @param endpoint where the server answers
   * @param dataDir the data directory (absolute)
   * @param node this node's name
   * @param database where the data is, in words
   * @param messaging where SMS and mail go
   * @param demo the demo credentials, present only in demo mode
   */
  static String render(
      Endpoint endpoint,
      Path dataDir,
      String node,
      String database,
      Messaging messaging,
      Optional<DemoCredentials> demo) {
    StringBuilder text = new StringBuilder();
    text.append(RULE).append('\n').append(" Portcullis is ready\n\n");
    line(text, "Base URL", endpoint.baseUri());
    line(text, "Staff console", endpoint.resolve("console/"));
    line(text, "REST API", endpoint.resolve("api/v1"));
    line(text, "OpenAPI document", endpoint.resolve("openapi"));
    line(text, "Readiness", endpoint.resolve("health/ready"));
    line(text, "PIN pad demo page", endpoint.resolve("demo/pinpad.html"));
    line(text, "Node", node);
    line(text, "Database", database);
    line(text, "Data directory", dataDir);
    line(text, "Server log", dataDir.resolve(ServerLog.DIRECTORY).resolve("server0.log"));
    line(text, "SMS gateway", messaging.smsGateway());
    line(text, "Service number", messaging.serviceNumber() + " (customers text it; sender of SMS)");
    line(text, "Mail server", messaging.mailServer());
    line(text, "Mail sender", messaging.mailFrom());
    text.append('\n')
        .append(
            endpoint.allInterfaces()
                ? " Listening on ALL network interfaces.\n"
                : " Listening on this address only (--bind 0.0.0.0 opens it to the network).\n");
    demo.ifPresent(credentials -> demoSection(text, endpoint, dataDir, credentials));
    return text.append(RULE).append('\n').toString();
  }

  /**
   * The PIN pad demo page with the demo system's credentials in the fragment, which browsers never
   * send to the server.
   */
  static String demoLink(Endpoint endpoint, DemoCredentials credentials) {
    return endpoint.resolve("demo/pinpad.html")
        + "#system="
        + encode(credentials.systemId())
        + "&secret="
        + encode(credentials.secret())
        + "&account="
        + encode(credentials.account());
  }

  private static void demoSection(
      StringBuilder text, Endpoint endpoint, Path dataDir, DemoCredentials credentials) {
    text.append(
        "\n DEMO MODE: demo data only, never for real customers (--no-demo turns it off)\n\n");
    line(text, "Staff login", "admin / " + credentials.adminPassword());
    line(text, "Relying system ID", credentials.systemId());
    line(text, "System secret", credentials.secret());
    line(text, "Customer account", credentials.account());
    line(text, "Customer PIN", credentials.pin());
    line(text, "Try the PIN pad", demoLink(endpoint, credentials));
    line(text, "Kept in", dataDir.resolve(DataDirectory.DEMO_CREDENTIALS));
  }

  private static void line(StringBuilder text, String label, Object value) {
    text.append("   ").append(String.format("%-19s", label)).append(value).append('\n');
  }

  private static String encode(String value) {
    // a URL fragment is not form data: a space is %20, and the page reads "+" literally
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
