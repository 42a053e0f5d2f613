package org.portcullis.launcher.peers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last few things a demo peer received, newest last, for tests and a later demo page. Bounded,
 * so a long-running demo does not grow. Thread-safe.
 */
final class Recent<T> {

  private final int capacity;
  private final Deque<T> items;

  Recent(int capacity) {
    this.capacity = capacity;
    this.items = new ArrayDeque<>(capacity);
  }

  synchronized void add(T item) {
    if (items.size() == capacity) {
      items.removeFirst();
    }
    items.addLast(item);
  }

  synchronized List<T> list() {
    return List.copyOf(items);
  }
}
