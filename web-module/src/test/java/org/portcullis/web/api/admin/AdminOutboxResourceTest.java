package org.portcullis.web.api.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.portcullis.error.DomainException;
import org.portcullis.outbox.OutboxState;
import org.portcullis.web.api.InvalidFieldException;

class AdminOutboxResourceTest {

  @Test
  void stateNamesInAnyCase() {
    assertEquals(OutboxState.FAILED, AdminOutboxResource.state("failed"));
    assertEquals(OutboxState.DELIVERED, AdminOutboxResource.state(" DELIVERED "));
    assertNull(AdminOutboxResource.state(null));
    assertNull(AdminOutboxResource.state(""));
  }

  @Test
  void anUnknownStateNamesTheField() {
    InvalidFieldException refused =
        assertThrows(InvalidFieldException.class, () -> AdminOutboxResource.state("LOST"));

    assertEquals("state", refused.field());
    assertEquals(
        "state must be one of QUEUED, SENDING, SENT, DELIVERED, FAILED", refused.getMessage());
  }

  @Test
  void aNonNumericIdIsAnUnknownMessage() {
    DomainException refused =
        assertThrows(DomainException.class, () -> AdminOutboxResource.id("abc"));

    assertEquals(DomainException.Kind.NOT_FOUND, refused.kind());
    assertEquals(42L, AdminOutboxResource.id("42"));
  }
}
