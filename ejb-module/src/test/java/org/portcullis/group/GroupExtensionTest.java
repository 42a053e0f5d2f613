package org.portcullis.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupExtensionTest {

  private static final GroupLimits LIMITS = GroupLimits.withDefaults(); // P7D each, P30D life
  private static final Instant OPENED = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void addsTheDurationToTheExpiry() {
    GroupExtension extension = new GroupExtension(OPENED, OPENED.plus(Duration.ofHours(2)));

    assertEquals(OPENED.plus(Duration.ofHours(5)), extension.extendBy("PT3H", LIMITS));
    assertEquals(Optional.of(Duration.ofDays(7)), extension.mostAllowed(LIMITS));
    assertEquals(OPENED.plus(Duration.ofDays(30)), extension.latestExpiry(LIMITS));
  }

  @Test
  void oneExtensionAddsAtMostTheMaximum() {
    GroupExtension extension = new GroupExtension(OPENED, OPENED.plus(Duration.ofHours(2)));
    GroupRuleException refused =
        assertThrows(GroupRuleException.class, () -> extension.extendBy("P8D", LIMITS));
    assertEquals("duration", refused.field());
  }

  @Test
  void noExtensionPassesTheLifetime() {
    GroupExtension late = new GroupExtension(OPENED, OPENED.plus(Duration.ofDays(28)));
    assertEquals(Optional.of(Duration.ofDays(2)), late.mostAllowed(LIMITS));
    assertEquals(OPENED.plus(Duration.ofDays(30)), late.extendBy("P2D", LIMITS));
    GroupRuleException refused =
        assertThrows(GroupRuleException.class, () -> late.extendBy("P3D", LIMITS));
    assertTrue(refused.getMessage().contains("2026-03-31T10:00:00Z"), refused.getMessage());

    GroupExtension done = new GroupExtension(OPENED, OPENED.plus(Duration.ofDays(30)));
    assertTrue(done.mostAllowed(LIMITS).isEmpty());
    assertThrows(GroupRuleException.class, () -> done.extendBy("PT1M", LIMITS));
  }

  @Test
  void refusesWhatIsNoDurationOrUnderAMinute() {
    GroupExtension extension = new GroupExtension(OPENED, OPENED.plus(Duration.ofHours(2)));
    for (String bad : new String[] {null, "", "two hours", "PT59S", "-PT1H"}) {
      GroupRuleException refused =
          assertThrows(GroupRuleException.class, () -> extension.extendBy(bad, LIMITS));
      assertEquals("duration", refused.field());
    }
  }
}
