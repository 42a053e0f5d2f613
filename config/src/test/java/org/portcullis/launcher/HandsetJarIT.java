package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged reference handset client, {@code target/portcullis-handset.jar}: a manifest whose
 * class path is in {@code handset-lib/} beside it, runnable with a plain {@code java -jar}. Its
 * commands against a running server are in {@link LauncherRestartIT}.
 */
class HandsetJarIT {

  @Test
  void everyJarTheManifestNamesIsInHandsetLib() throws IOException {
    Attributes manifest;
    try (JarFile jar = new JarFile(HandsetCommands.JAR.toFile())) {
      manifest = jar.getManifest().getMainAttributes();
    }

    assertEquals("org.portcullis.handset.client.HandsetCli", manifest.getValue("Main-Class"));
    List<String> classPath = List.of(manifest.getValue("Class-Path").trim().split("\\s+"));
    for (String entry : classPath) {
      assertTrue(entry.startsWith("handset-lib/"), entry);
      assertTrue(
          Files.isRegularFile(HandsetCommands.JAR.resolveSibling(entry)), entry + " is missing");
    }
    // the client, JSON-P, and jose4j with SLF4J and a provider that keeps SLF4J quiet
    for (String needed :
        List.of(
            "handset-client",
            "parsson-",
            "jakarta.json-api-",
            "jose4j-",
            "slf4j-api-",
            "slf4j-nop-")) {
      assertTrue(
          classPath.stream().anyMatch(entry -> entry.contains(needed)), needed + ": " + classPath);
    }
  }

  @Test
  void helpListsTheSecureMessageCommands() throws Exception {
    HandsetCommands.Result help = HandsetCommands.run("", "help");

    assertEquals(0, help.status(), help::toString);
    for (String command :
        List.of("enroll", "inbox", "read ID", "ack ID", "delete ID", "reply ID")) {
      assertTrue(help.out().contains("\n  " + command + " "), command + ": " + help);
    }
    assertEquals("", help.err(), help::toString);
  }

  @Test
  void aBadCommandLineExitsWithTwo() throws Exception {
    HandsetCommands.Result refused = HandsetCommands.run("", "read");

    assertEquals(2, refused.status(), refused::toString);
    assertTrue(
        refused.err().startsWith("portcullis-handset: read needs the message's id"),
        refused::toString);
  }
}
