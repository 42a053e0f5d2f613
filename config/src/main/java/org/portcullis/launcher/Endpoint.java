package org.portcullis.launcher;

import java.net.URI;
import java.util.Set;

/**
 * Where the HTTP listener answers. When it listens on every interface, the launcher talks to it
 * (and points the operator at it) over loopback, which always works on the same host.
 *
 * @param baseUri the root URI, ending with {@code /}
 * @param allInterfaces whether the listener is open to the network on every interface
 */
record Endpoint(URI baseUri, boolean allInterfaces) {

  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");

  static Endpoint of(String bindAddress, int port) {
    boolean wildcard = WILDCARDS.contains(bindAddress);
    String host = wildcard ? "127.0.0.1" : bindAddress;
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 literal in a URI (RFC 3986 section 3.2.2)
    }
    return new Endpoint(URI.create("http://" + host + ":" + port + "/"), wildcard);
  }

  /** {@code path} (without a leading slash) resolved against the root. */
  URI resolve(String path) {
    return baseUri.resolve(path);
  }
}
