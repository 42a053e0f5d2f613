package org.portcullis.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portcullis.alert.AlertService.AlertView;

class AccessorELResolverTest {

  private final AccessorELResolver resolver = new AccessorELResolver();

  /** A bean with a getter beside an accessor-style method. */
  public static class Mixed {
    public String getName() {
      return "bean";
    }

    public String name() {
      return "accessor";
    }

    public void reset() {}
  }

  @Test
  void readsARecordsComponentsByName() {
    AlertView view =
        new AlertView(
            7, "DURESS", "alice", "12345678", "Bank", Instant.EPOCH, null, null, null, null);
    assertEquals("account", resolver.accessor(view, "account").orElseThrow().getName());
    assertTrue(resolver.accessor(view, "raisedAt").isPresent());
  }

  @Test
  void leavesBeansVoidMethodsUnknownNamesAndOtherPackagesAlone() {
    Mixed mixed = new Mixed();
    assertFalse(resolver.accessor(mixed, "name").isPresent(), "the getter wins");
    assertFalse(resolver.accessor(mixed, "reset").isPresent(), "void is no property");
    assertFalse(resolver.accessor(mixed, "missing").isPresent());
    assertFalse(resolver.accessor("text", "length").isPresent(), "java.lang is not ours");
    assertFalse(resolver.accessor(null, "x").isPresent());
  }
}
