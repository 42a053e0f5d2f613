package org.portcullis.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  private static Process java(String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
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
