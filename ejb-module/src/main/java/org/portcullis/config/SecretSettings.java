package org.portcullis.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * A secret setting {@code name} is read from {@code name-file} (a file holding the secret) when
 * that is set, else from {@code name} itself (environment variable, server password alias). A file
 * keeps the secret out of the JVM's system properties, which server diagnostics list.
 */
public final class SecretSettings {

  private SecretSettings() {}

  public static Optional<String> read(Config config, String name) {
    Optional<String> file = config.getOptionalValue(name + "-file", String.class);
    if (file.isPresent()) {
      try {
        String secret = Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
          throw new IllegalStateException(name + "-file points at an empty file");
        }
        return Optional.of(secret);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + name + "-file " + file.get(), e);
      }
    }
    return config.getOptionalValue(name, String.class);
  }
}
