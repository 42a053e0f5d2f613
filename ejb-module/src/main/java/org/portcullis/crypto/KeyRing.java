package org.portcullis.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The server's symmetric keys, kept in a PKCS#12 keystore file. A missing keystore is created, and
 * a missing key generated, on first use; keys are never printed or logged.
 *
 * <p>Aliases are {@code <purpose>-<n>}: {@code secretbox-1} (AES-256), {@code pepper-1}
 * (HMAC-SHA-256). Rotation adds {@code <purpose>-2} and points the configuration at it; older keys
 * stay to open old data.
 *
 * <p>Not thread-safe; the owning singleton loads it once at start-up.
 */
public final class KeyRing {

  private final Path file;
  private final char[] password;
  private final KeyStore store;

  private KeyRing(Path file, char[] password, KeyStore store) {
    this.file = file;
    this.password = password.clone();
    this.store = store;
  }

  /** Opens {@code file}, or creates an empty keystore there when it does not exist. */
  public static KeyRing open(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    if (password.length == 0) {
      throw new IllegalArgumentException("The keystore password must not be empty");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password);
      }
    } else {
      store.load(null, password);
    }
    return new KeyRing(file, password, store);
  }

  /**
   * The key under {@code alias}, generated (and the keystore saved) if it does not exist yet.
   *
   * @param algorithm {@code AES} or {@code HmacSHA256}
   */
  public SecretKey ensure(String alias, String algorithm)
      throws IOException, GeneralSecurityException {
    KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(password);
    if (store.containsAlias(alias)) {
      KeyStore.Entry entry = store.getEntry(alias, protection);
      if (!(entry instanceof KeyStore.SecretKeyEntry secret)) {
        throw new GeneralSecurityException("Keystore entry " + alias + " is not a secret key");
      }
      return secret.getSecretKey();
    }
    KeyGenerator generator = KeyGenerator.getInstance(algorithm);
    generator.init(256, Randoms.secureRandom());
    SecretKey key = generator.generateKey();
    store.setEntry(alias, new KeyStore.SecretKeyEntry(key), protection);
    save();
    return key;
  }

  /** All keys whose alias starts with {@code purpose-}, by alias. */
  public Map<String, SecretKey> all(String purpose) throws GeneralSecurityException {
    Map<String, SecretKey> keys = new TreeMap<>();
    KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(password);
    for (String alias : Collections.list(store.aliases())) {
      if (alias.startsWith(purpose + "-")
          && store.getEntry(alias, protection) instanceof KeyStore.SecretKeyEntry secret) {
        keys.put(alias, secret.getSecretKey());
      }
    }
    return keys;
  }

  private void save() throws IOException, GeneralSecurityException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, "keystore", ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      store.store(out, password);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
