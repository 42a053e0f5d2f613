package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @TempDir Path temp;

  private final SecureRandom random = new SecureRandom();

  @Test
  void createsTheDirectoryAndMakesItAbsolute() throws IOException {
    DataDirectory data = DataDirectory.open(temp.resolve("a/b/../c"), random);

    assertTrue(Files.isDirectory(temp.resolve("a/c")));
    assertEquals(temp.resolve("a/c").toAbsolutePath(), data.root());
  }

  @Test
  void keystorePasswordIsGeneratedOnceOwnerOnlyAndReused() throws IOException {
    String first = DataDirectory.open(temp, random).keystorePassword();
    String second = DataDirectory.open(temp, random).keystorePassword();

    assertEquals(first, second);
    // 32 random bytes in unpadded base64url
    assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
    assertOwnerOnly(temp.resolve(DataDirectory.KEYSTORE_SECRET));
  }

  @Test
  void demoCredentialsSurviveARoundTripOwnerOnly() throws IOException {
    DataDirectory data = DataDirectory.open(temp, random);
    assertEquals(Optional.empty(), data.readDemoCredentials());

    DemoCredentials credentials =
        DemoCredentials.unseeded("pw")
            .withSystem("12345678", "se=cr:et#!")
            .withAccount("demo")
            .withPin("012345");
    data.writeDemoCredentials(DemoCredentials.unseeded("older"));
    data.writeDemoCredentials(credentials);

    assertEquals(Optional.of(credentials), data.readDemoCredentials());
    assertTrue(credentials.complete());
    assertOwnerOnly(temp.resolve(DataDirectory.DEMO_CREDENTIALS));
  }

  @Test
  void halfSeededCredentialsAreNotComplete() throws IOException {
    DataDirectory data = DataDirectory.open(temp, random);
    data.writeDemoCredentials(DemoCredentials.unseeded("pw").withSystem("12345678", "s"));

    DemoCredentials read = data.readDemoCredentials().orElseThrow();

    assertEquals("12345678", read.systemId());
    assertEquals(null, read.account());
    assertTrue(!read.complete());
  }

  @Test
  void generatedAdminPasswordsAreLongMixedAndDifferent() throws IOException {
    DataDirectory data = DataDirectory.open(temp, random);

    String first = data.newAdminPassword();

    assertTrue(first.matches("(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])[A-Za-z0-9_-]{24}"), first);
    assertNotEquals(first, data.newAdminPassword());
  }

  private static void assertOwnerOnly(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }
}
