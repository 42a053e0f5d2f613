package org.portcullis.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's files in the data directory, which outlives embedded Payara's temporary instance
 * root: the generated keystore password and the demo credentials. Both are secrets, so they are
 * created owner-only (rw-------) before anything is written to them.
 *
 * <p>Not thread-safe; the launcher uses it from its main thread only.
 */
final class DataDirectory {

  static final String KEYSTORE_SECRET = "keystore.secret";
  static final String DEMO_CREDENTIALS = "demo-credentials.properties";
  static final String ADMIN_SECRET = "admin-password.secret";

  private static final String DEMO_HEADER =
      "Portcullis DEMO credentials, written by the launcher in demo mode. Demo data only:"
          + " never use them for anything real.";

  private final Path root;
  private final SecureRandom random;

  private DataDirectory(Path root, SecureRandom random) {
    this.root = root;
    this.random = random;
  }

  /**
   * Opens the data directory, creating it when needed.
   *
   * @param dir the directory, relative to the working directory or absolute
   * @param random the source of generated secrets
   */
  static DataDirectory open(Path dir, SecureRandom random) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Files.createDirectories(root);
    return new DataDirectory(root, random);
  }

  /** The absolute, normalised path Payara's domain and the application are given. */
  Path root() {
    return root;
  }

  /**
   * The keystore password kept in {@value #KEYSTORE_SECRET}: generated on first start (32 random
   * bytes, base64url) and reused afterwards, because the keystore it protects holds the keys that
   * decrypt stored patterns.
   */
  /** The file that holds the generated keystore password (see {@link #keystorePassword()}). */
  Path keystoreSecretFile() {
    return root.resolve(KEYSTORE_SECRET);
  }

  /**
   * Writes the first admin's password to an owner-only file for the application to read at
   * start-up, so it never becomes a system property (server diagnostics list those).
   */
  Path writeAdminPasswordFile(String password) throws IOException {
    Path file = root.resolve(ADMIN_SECRET);
    Files.deleteIfExists(file);
    writeOwnerOnly(file, password);
    return file;
  }

  /** Removes the admin password file once the application has read it. */
  void deleteAdminPasswordFile() throws IOException {
    Files.deleteIfExists(root.resolve(ADMIN_SECRET));
  }

  String keystorePassword() throws IOException {
    Path file = root.resolve(KEYSTORE_SECRET);
    if (!Files.exists(file)) {
      try {
        writeOwnerOnly(file, randomToken(32));
      } catch (FileAlreadyExistsException e) {
        // another launcher on the same directory won the race: use its password
      }
    }
    String password = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (password.isEmpty()) {
      throw new IOException(file + " is empty; restore it or remove it with the keystore");
    }
    return password;
  }

  /** The demo credentials saved by an earlier start, if any. */
  Optional<DemoCredentials> readDemoCredentials() throws IOException {
    Path file = root.resolve(DEMO_CREDENTIALS);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return Optional.of(DemoCredentials.fromProperties(properties));
  }

  /**
   * Saves the demo credentials, replacing the file atomically so that a crash never leaves half a
   * file (which would lose the generated admin password).
   */
  void writeDemoCredentials(DemoCredentials credentials) throws IOException {
    Path file = root.resolve(DEMO_CREDENTIALS);
    Path temp = root.resolve(DEMO_CREDENTIALS + ".tmp");
    Files.deleteIfExists(temp);
    try (Writer writer = newOwnerOnlyWriter(temp)) {
      credentials.toProperties().store(writer, DEMO_HEADER);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A random password for the first staff account: 18 random bytes (144 bits) in base64url, drawn
   * again until it mixes upper case, lower case and digits so that common password rules accept it.
   */
  String newAdminPassword() {
    String password;
    do {
      password = randomToken(18);
    } while (!password.matches(".*[A-Z].*") // rejection keeps the distribution uniform
        || !password.matches(".*[a-z].*")
        || !password.matches(".*[0-9].*"));
    return password;
  }

  private String randomToken(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    try (Writer writer = newOwnerOnlyWriter(file)) {
      writer.write(content);
      writer.write('\n');
    }
  }

  /** Creates the file (it must not exist) with owner-only permissions where the OS has them. */
  private static Writer newOwnerOnlyWriter(Path file) throws IOException {
    Files.createFile(file, ownerOnly());
    return Files.newBufferedWriter(
        file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0]; // e.g. Windows: the user profile's ACLs apply
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }
}
