package org.portcullis.crypto.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portcullis.config.SecretSettings;
import org.portcullis.crypto.KeyRing;
import org.portcullis.crypto.SecretBox;
import org.portcullis.crypto.SecretHasher;

/**
 * Loads (or on first start creates) the keystore and exposes the secret box and the hasher built
 * from it. Settings: {@code portcullis.keystore.path} (default {@code
 * <portcullis.data>/keystore.p12}), {@code portcullis.keystore.password} or {@code
 * portcullis.keystore.password-file} (required, no default), {@code
 * portcullis.crypto.secretbox.key} / {@code portcullis.crypto.pepper.key} / {@code
 * portcullis.crypto.messagewrap.key} (current key ids), {@code
 * portcullis.hash.argon2.memory-kib|iterations|parallelism}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerKeys {

  private static final Logger LOG = Logger.getLogger(ServerKeys.class.getName());

  @Inject
  @ConfigProperty(name = "portcullis.data")
  Optional<String> dataDirectory;

  @Inject
  @ConfigProperty(name = "portcullis.keystore.path")
  Optional<String> keystorePath;

  @Inject Config config;

  @Inject
  @ConfigProperty(name = "portcullis.crypto.secretbox.key", defaultValue = "secretbox-1")
  String secretBoxKeyId;

  @Inject
  @ConfigProperty(name = "portcullis.crypto.pepper.key", defaultValue = "pepper-1")
  String pepperKeyId;

  @Inject
  @ConfigProperty(name = "portcullis.crypto.messagewrap.key", defaultValue = "messagewrap-1")
  String messageWrapKeyId;

  @Inject
  @ConfigProperty(name = "portcullis.hash.argon2.memory-kib", defaultValue = "19456")
  int argon2MemoryKiB;

  @Inject
  @ConfigProperty(name = "portcullis.hash.argon2.iterations", defaultValue = "2")
  int argon2Iterations;

  @Inject
  @ConfigProperty(name = "portcullis.hash.argon2.parallelism", defaultValue = "1")
  int argon2Parallelism;

  private volatile SecretBox secretBox;
  private volatile SecretHasher hasher;
  private volatile String messageWrapKey;
  private volatile Map<String, SecretKey> messageWrapKeys;

  @PostConstruct
  void load() {
    Path path =
        keystorePath
            .map(Path::of)
            .or(() -> dataDirectory.map(dir -> Path.of(dir, "keystore.p12")))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Set portcullis.data (or portcullis.keystore.path) to where the keystore lives"));
    char[] password =
        SecretSettings.read(config, "portcullis.keystore.password")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Set portcullis.keystore.password or portcullis.keystore.password-file"
                            + " (no default)"))
            .toCharArray();
    // PKCS#12 keeps aliases in lower case
    String secretBoxKey = secretBoxKeyId.toLowerCase(java.util.Locale.ROOT);
    String pepperKey = pepperKeyId.toLowerCase(java.util.Locale.ROOT);
    try {
      KeyRing ring = KeyRing.open(path, password);
      ring.ensure(secretBoxKey, "AES");
      ring.ensure(pepperKey, "HmacSHA256");
      messageWrapKey = messageWrapKeyId.toLowerCase(java.util.Locale.ROOT);
      ring.ensure(messageWrapKey, "AES");
      messageWrapKeys = Map.copyOf(ring.all("messagewrap"));
      secretBox = new SecretBox(ring.all("secretbox"), secretBoxKey);
      hasher =
          new SecretHasher(
              ring.all("pepper"),
              pepperKey,
              new SecretHasher.Argon2Cost(argon2MemoryKiB, argon2Iterations, argon2Parallelism));
      LOG.info(() -> "Keystore loaded from " + path.toAbsolutePath());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot open the keystore at " + path.toAbsolutePath(), e);
    }
  }

  public SecretBox secretBox() {
    return secretBox;
  }

  public SecretHasher hasher() {
    return hasher;
  }

  /** The id of the AES-256 key that wraps new secure messages' content keys until delivery. */
  public String messageWrapKeyId() {
    return messageWrapKey;
  }

  /** Every message-wrapping key by id: older ones still open the messages they wrapped. */
  public Map<String, SecretKey> messageWrapKeys() {
    return messageWrapKeys;
  }
}
