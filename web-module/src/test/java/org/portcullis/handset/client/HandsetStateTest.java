package org.portcullis.handset.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HandsetStateTest {

  private static final String SECRET = "Zq8vT1mN4pR7sW0xY3bC6e";

  @TempDir Path temp;

  private static HandsetState state(KeyAlgorithm algorithm) {
    return new HandsetState(
        URI.create("https://bank.example/"),
        new EnrolledHandset("h-42", "tk1." + SECRET, Instant.parse("2026-11-21T10:05:00Z")),
        algorithm,
        HandsetKeys.generate(algorithm));
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void whatIsSavedLoadsBack(KeyAlgorithm algorithm) throws IOException {
    HandsetState saved = state(algorithm);
    Path dir = temp.resolve("state");

    assertFalse(HandsetState.exists(dir));
    saved.save(dir);
    HandsetState loaded = HandsetState.load(dir);

    assertTrue(HandsetState.exists(dir));
    assertEquals(saved.server(), loaded.server());
    assertEquals(saved.handset(), loaded.handset());
    assertEquals(algorithm, loaded.algorithm());
    assertArrayEquals(
        saved.keys().getPrivate().getEncoded(), loaded.keys().getPrivate().getEncoded());
    assertEquals(saved.keys().getPublic(), loaded.keys().getPublic());
  }

  @Test
  void everyFileAndANewDirectoryAreOwnerOnlyAndNoTemporaryFileIsLeft() throws IOException {
    Path dir = temp.resolve("new/state");

    state(KeyAlgorithm.EC_P256).save(dir);

    assertEquals("rwx------", permissions(dir));
    assertEquals(
        Set.of(
            HandsetState.PROPERTIES,
            HandsetState.TOKEN,
            HandsetState.PRIVATE_KEY,
            HandsetState.PUBLIC_KEY),
        fileNames(dir));
    for (String file : fileNames(dir)) {
      assertEquals("rw-------", permissions(dir.resolve(file)), file);
    }
  }

  @Test
  void savingAgainReplacesTheFilesAndKeepsThemOwnerOnly() throws IOException {
    HandsetState first = state(KeyAlgorithm.EC_P256);
    Instant later = Instant.parse("2026-12-01T00:00:00Z");

    first.save(temp);
    first.withExpiresAt(later).save(temp);

    assertEquals(later, HandsetState.load(temp).handset().expiresAt());
    for (String file : fileNames(temp)) {
      assertEquals("rw-------", permissions(temp.resolve(file)), file);
    }
    assertEquals(4, fileNames(temp).size());
  }

  @Test
  void theSecretsAreOnlyInTheirOwnFilesInStandardForms() throws IOException {
    state(KeyAlgorithm.RSA_2048).save(temp);

    assertFalse(Files.readString(temp.resolve(HandsetState.PROPERTIES)).contains(SECRET));
    assertEquals("tk1." + SECRET + "\n", Files.readString(temp.resolve(HandsetState.TOKEN)));
    List<String> privateKey = Files.readAllLines(temp.resolve(HandsetState.PRIVATE_KEY));
    assertEquals("-----BEGIN PRIVATE KEY-----", privateKey.get(0));
    assertEquals("-----END PRIVATE KEY-----", privateKey.get(privateKey.size() - 1));
    assertTrue(privateKey.stream().allMatch(line -> line.length() <= 64));
    assertTrue(
        Files.readString(temp.resolve(HandsetState.PUBLIC_KEY))
            .startsWith("-----BEGIN PUBLIC KEY-----\n"));
  }

  @Test
  void toStringHidesTheTokenSecret() {
    String shown = state(KeyAlgorithm.EC_P256).toString();

    assertFalse(shown.contains(SECRET), shown);
    assertTrue(shown.contains("h-42"), shown);
  }

  @Test
  void aDamagedStateIsAnIoFailureThatNamesTheProblemNotTheSecrets() throws IOException {
    state(KeyAlgorithm.EC_P256).save(temp);
    Path properties = temp.resolve(HandsetState.PROPERTIES);
    Files.writeString(
        properties, Files.readString(properties).replace("keyAlgorithm=EC_P256", "keyAlgorithm="));

    IOException e = assertThrows(IOException.class, () -> HandsetState.load(temp));

    assertTrue(e.getMessage().contains("keyAlgorithm"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }

  @Test
  void aMissingFileIsReportedAsSuch() throws IOException {
    state(KeyAlgorithm.EC_P256).save(temp);
    Files.delete(temp.resolve(HandsetState.PRIVATE_KEY));

    assertThrows(NoSuchFileException.class, () -> HandsetState.load(temp));
  }

  @Test
  void anExistingDirectoryKeepsItsPermissions() throws IOException {
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-x---"));

    state(KeyAlgorithm.EC_P256).save(temp);

    assertEquals("rwxr-x---", permissions(temp));
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static Set<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
