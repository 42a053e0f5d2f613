package org.portcullis.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The six-digit codes the launcher's demo SMS gateway shows on its console (which the benchmark run
 * sends to a file), so that a benchmark can enroll handsets and confirm phones through the real
 * API.
 */
final class ConsoleCodes {

  private static final Pattern CODE = Pattern.compile("code is ([0-9]{6})");

  private final Path console;

  ConsoleCodes(Path console) {
    this.console = console;
  }

  /** The codes texted to {@code msisdn} so far, oldest first. */
  List<String> codes(String msisdn) throws Exception {
    List<String> codes = new ArrayList<>();
    String digits = msisdn.substring(1);
    String[] blocks = Files.readString(console, StandardCharsets.UTF_8).split("---- ");
    for (String block : blocks) {
      if (block.contains(digits)) {
        Matcher code = CODE.matcher(block);
        while (code.find()) {
          codes.add(code.group(1));
        }
      }
    }
    return codes;
  }

  /** The first code texted to {@code msisdn} after the {@code seen} ones. */
  String awaitCode(String msisdn, List<String> seen) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      List<String> now = codes(msisdn);
      if (now.size() > seen.size()) {
        return now.get(now.size() - 1);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("No SMS code for " + msisdn + " on the console " + console);
  }
}
