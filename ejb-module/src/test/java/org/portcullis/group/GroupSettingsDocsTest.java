package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The settings table of {@code docs/private-groups.md} says what the code does: every limit of
 * {@link GroupLimits#DEFAULTS} is listed with that very default, and the defaults make valid
 * limits.
 */
class GroupSettingsDocsTest {

  private static final Pattern ROW =
      Pattern.compile(
          "^\\| `(portcullis\\.groups\\.[a-z-]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

  @Test
  void theDocsListEveryLimitWithItsDefault() throws Exception {
    String docs =
        Files.readString(Path.of("..", "docs", "private-groups.md"), StandardCharsets.UTF_8);
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher row = ROW.matcher(docs);
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    for (Map.Entry<String, String> setting : GroupLimits.DEFAULTS.entrySet()) {
      assertEquals(
          setting.getValue(),
          documented.get(setting.getKey()),
          setting.getKey() + " in docs/private-groups.md");
    }
    assertTrue(documented.containsKey("portcullis.groups.join-url"));
    assertTrue(documented.containsKey("portcullis.groups.files"));
    assertEquals(GroupLimits.DEFAULTS.size() + 2, documented.size(), "no setting the code lacks");
  }

  @Test
  void theDefaultsAreValidLimits() {
    GroupLimits limits = GroupLimits.withDefaults();
    assertEquals(10L * 1024 * 1024, limits.maxFileBytes());
    assertEquals(5, limits.maxWrongCodesPerTerminal());
    assertEquals(100, limits.maxWrongCodes());
  }
}
