package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The packaged launcher: runnable with a plain {@code java -jar}, nothing shaded. */
class LauncherJarIT {

  private static final Path JAR = Path.of(System.getProperty("launcher.jar"));

  @Test
  void manifestOpensWhatTheParentPomsPayaraFlagsOpen() throws IOException {
    List<String> flags = Arrays.asList(System.getProperty("payara.jvm.flags").trim().split("\\s+"));
    Attributes manifest;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      manifest = jar.getManifest().getMainAttributes();
    }

    assertEquals(fromFlags(flags, "--add-opens="), words(manifest.getValue("Add-Opens")));
    assertEquals(fromFlags(flags, "--add-exports="), words(manifest.getValue("Add-Exports")));
    assertEquals("org.portcullis.launcher.Launcher", manifest.getValue("Main-Class"));
  }

  @Test
  void payaraAndTheEarLieNextToTheJar() throws IOException {
    String classPath;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
    }

    for (String entry : classPath.trim().split("\\s+")) {
      assertTrue(Files.isRegularFile(JAR.resolveSibling(entry)), entry + " is missing");
    }
    assertTrue(Files.isRegularFile(JAR.resolveSibling("lib/portcullis.ear")));
  }

  @Test
  void runsWithoutJvmFlagsAndAnswersHelp() throws Exception {
    Process process = java("--help");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.contains("--admin-password"), out);
  }

  @Test
  void badOptionExitsWithTwo() throws Exception {
    Process process = java("--port", "none");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue(), out);
    assertTrue(out.contains("--port: 'none' is not a port number"), out);
  }

  @Test
  void theDemoPeersLieApartFromTheLaunchersClassPath() throws IOException {
    Path peers = JAR.resolveSibling("lib").resolve(DemoPeers.DIRECTORY);
    List<String> jars;
    try (var files = Files.list(peers)) {
      jars = files.map(file -> file.getFileName().toString()).sorted().toList();
    }

    assertTrue(jars.contains("portcullis-demo-peers.jar"), jars.toString());
    assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("greenmail-")), jars.toString());
    assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("jsmpp-")), jars.toString());
    assertTrue(jars.stream().noneMatch(jar -> jar.contains("payara")), jars.toString());
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertTrue(
          jar.stream()
              .noneMatch(entry -> entry.getName().startsWith("org/portcullis/launcher/peers/")),
          "the demo peers must load from lib/demo-peers only");
      assertFalse(
          jar.getManifest().getMainAttributes().getValue("Class-Path").contains("demo-peers"));
    }
  }

  @Test
  void anSmscWithoutAPasswordExitsWithTwo() throws Exception {
    Process process = java("--smsc", "smsc.example.net:2775", "--smsc-system-id", "bank01");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue(), out);
    assertTrue(out.contains("--smsc needs a password: set PORTCULLIS_SMSC_PASSWORD"), out);
  }

  private static Process java(String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // the developer's own settings must not leak into the test
    builder.environment().keySet().removeIf(name -> name.startsWith("PORTCULLIS_"));
    return builder.start();
  }

  private static Set<String> fromFlags(List<String> flags, String prefix) {
    return flags.stream()
        .filter(flag -> flag.startsWith(prefix))
        .map(flag -> flag.substring(prefix.length()).replace("=ALL-UNNAMED", ""))
        .collect(Collectors.toSet());
  }

  private static Set<String> words(String value) {
    return Set.of(value.trim().split("\\s+"));
  }
}
