package org.portcullis.group.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupFileStoreTest {

  private static final String GROUP = "g-abcdefghijkmnpqrstuv";

  @TempDir Path root;

  @Test
  void storesAFileUnderItsGroupAndDeletesTheGroupWhole() throws Exception {
    GroupFileStore store = new GroupFileStore(root);
    byte[] bytes = "opaque ciphertext".getBytes();

    assertEquals(bytes.length, store.receive(GROUP, "e-one", new ByteArrayInputStream(bytes), 100));
    store.receive(GROUP, "e-two", new ByteArrayInputStream(bytes), 100);

    assertArrayEquals(bytes, Files.readAllBytes(store.file(GROUP, "e-one")));
    assertTrue(store.holdsAnythingOf(GROUP));
    assertTrue(store.deleteGroup(GROUP));
    assertFalse(store.holdsAnythingOf(GROUP));
    assertTrue(store.deleteGroup(GROUP), "deleting twice is fine");
  }

  @Test
  void stopsReadingAtTheLimitAndLeavesNothing() {
    GroupFileStore store = new GroupFileStore(root);
    AtomicLong read = new AtomicLong();
    // an endless body: the store must stop by itself
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            read.incrementAndGet();
            return 1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            read.addAndGet(len);
            return len;
          }
        };

    assertThrows(GroupFileStore.TooLarge.class, () -> store.receive(GROUP, "e-big", endless, 1000));
    assertTrue(read.get() < 1000 + 128 * 1024, "read " + read.get() + " bytes");
    assertFalse(Files.exists(store.file(GROUP, "e-big")));
    assertFalse(Files.exists(store.file(GROUP, "e-big").resolveSibling("e-big.part")));
  }

  @Test
  void exactlyTheLimitIsFine() throws Exception {
    GroupFileStore store = new GroupFileStore(root);
    assertEquals(
        1000, store.receive(GROUP, "e-full", new ByteArrayInputStream(new byte[1000]), 1000));
  }

  @Test
  void aBodyThatBreaksOffLeavesNothing() {
    GroupFileStore store = new GroupFileStore(root);
    InputStream broken =
        new InputStream() {
          private int calls;

          @Override
          public int read() throws IOException {
            if (calls++ > 10) {
              throw new IOException("connection reset");
            }
            return 1;
          }
        };
    assertThrows(Exception.class, () -> store.receive(GROUP, "e-broken", broken, 1000));
    assertFalse(Files.exists(store.file(GROUP, "e-broken")));
  }

  @Test
  void refusesNamesThatAreNotIds() {
    GroupFileStore store = new GroupFileStore(root);
    assertThrows(IllegalArgumentException.class, () -> store.file("../etc", "e-x"));
    assertThrows(IllegalArgumentException.class, () -> store.file(GROUP, "../passwd"));
    assertThrows(IllegalArgumentException.class, () -> store.file(GROUP, "a/b"));
  }
}
