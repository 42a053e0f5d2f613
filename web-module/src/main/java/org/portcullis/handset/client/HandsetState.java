package org.portcullis.handset.client;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * What the command line keeps between runs, in a directory of its own:
 *
 * <ul>
 *   <li>{@value #PROPERTIES}: server, handset id, token expiry, key algorithm (no secrets);
 *   <li>{@value #TOKEN}: the access token;
 *   <li>{@value #PRIVATE_KEY}: the private key, PKCS#8 in PEM;
 *   <li>{@value #PUBLIC_KEY}: the public key, SubjectPublicKeyInfo in PEM.
 * </ul>
 *
 * <p>Every file is created owner-only (rw------- where the file system has POSIX permissions, an
 * ACL for the owner alone where it has ACLs) before anything is written to it, and replaced
 * atomically, so that a crash never leaves half a key. A directory created here is owner-only too.
 * The properties file is written last: its presence marks a complete state.
 *
 * @param server the server the handset is enrolled with
 * @param handset the handset and its token
 * @param algorithm the key pair's algorithm
 * @param keys the handset's key pair
 */
record HandsetState(URI server, EnrolledHandset handset, KeyAlgorithm algorithm, KeyPair keys) {

  static final String PROPERTIES = "handset.properties";
  static final String TOKEN = "token.secret";
  static final String PRIVATE_KEY = "private-key.pem";
  static final String PUBLIC_KEY = "public-key.pem";

  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  HandsetState {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(handset, "handset");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(keys, "keys");
  }

  /** Whether the directory holds a saved handset. */
  static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(PROPERTIES));
  }

  /** Creates the directory, owner-only, unless it exists (then it is left as it is). */
  static void createDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
    } else {
      Files.createDirectories(dir);
      restrictToOwner(dir);
    }
  }

  /** The same state with the token's new expiry. */
  HandsetState withExpiresAt(Instant expiresAt) {
    return new HandsetState(server, handset.withExpiresAt(expiresAt), algorithm, keys);
  }

  /** Saves every file, creating the directory when needed. */
  void save(Path dir) throws IOException {
    createDirectory(dir);
    writeOwnerOnly(dir.resolve(TOKEN), handset.token() + "\n");
    writeOwnerOnly(dir.resolve(PRIVATE_KEY), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    writeOwnerOnly(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", keys.getPublic().getEncoded()));

    Properties properties = new Properties();
    properties.setProperty("server", server.toString());
    properties.setProperty("handsetId", handset.handsetId());
    properties.setProperty("tokenExpiresAt", handset.expiresAt().toString());
    properties.setProperty("keyAlgorithm", algorithm.name());
    StringWriter text = new StringWriter();
    properties.store(text, "Portcullis handset; the token and private key are in files beside it");
    writeOwnerOnly(dir.resolve(PROPERTIES), text.toString());
  }

  /**
   * Reads a state saved by {@link #save}.
   *
   * @throws java.nio.file.NoSuchFileException when a file is missing
   * @throws IOException when a file cannot be read or makes no sense
   */
  static HandsetState load(Path dir) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(Files.readString(dir.resolve(PROPERTIES))));
    String token = Files.readString(dir.resolve(TOKEN), StandardCharsets.UTF_8).strip();
    String privatePem = Files.readString(dir.resolve(PRIVATE_KEY), StandardCharsets.US_ASCII);
    String publicPem = Files.readString(dir.resolve(PUBLIC_KEY), StandardCharsets.US_ASCII);
    try {
      KeyAlgorithm algorithm = KeyAlgorithm.valueOf(required(properties, "keyAlgorithm"));
      KeyFactory factory = KeyFactory.getInstance(algorithm.jcaName());
      PrivateKey privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(unpem("PRIVATE KEY", privatePem)));
      PublicKey publicKey =
          factory.generatePublic(new X509EncodedKeySpec(unpem("PUBLIC KEY", publicPem)));
      EnrolledHandset handset =
          new EnrolledHandset(
              required(properties, "handsetId"),
              token,
              Instant.parse(required(properties, "tokenExpiresAt")));
      return new HandsetState(
          new URI(required(properties, "server")),
          handset,
          algorithm,
          new KeyPair(publicKey, privateKey));
    } catch (IllegalArgumentException
        | DateTimeParseException
        | URISyntaxException
        | GeneralSecurityException e) {
      // the messages name what is wrong, never the token or key they come from
      throw new IOException(dir + " holds a damaged handset state: " + e.getMessage(), e);
    }
  }

  /** Names the handset and the key's algorithm; never the token's secret or the private key. */
  @Override
  public String toString() {
    return "HandsetState[server=%s, handset=%s, algorithm=%s]"
        .formatted(server, handset, algorithm);
  }

  private static String required(Properties properties, String name) {
    String value = properties.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(PROPERTIES + " has no " + name);
    }
    return value.strip();
  }

  /** RFC 7468 text encoding: 64 base64 characters per line between the labels. */
  private static String pem(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  private static byte[] unpem(String label, String text) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no " + label + " in PEM form");
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }

  /** Writes a temporary owner-only file beside the target and moves it over the target. */
  static void writeOwnerOnly(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = posix(dir);
    FileAttribute<?>[] ownerOnly =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly);
    try {
      if (!posix) {
        restrictToOwner(temp);
      }
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Where there are no POSIX permissions (Windows): an ACL that lets the owner alone in.
   *
   * @throws IOException when the file system has neither, rather than leave a key readable
   */
  private static void restrictToOwner(Path path) throws IOException {
    AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
    if (acl == null) {
      throw new IOException(
          path
              + ": this file system can restrict files to their owner neither by POSIX"
              + " permissions nor by ACL; keep the handset state elsewhere");
    }
    acl.setAcl(
        List.of(
            AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(acl.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build()));
  }
}
