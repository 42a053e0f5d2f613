package org.portcullis.pattern.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portcullis.pattern.Narrowing;

class NarrowingStateTest {

  @Test
  void survivesItsTextForm() {
    int[] shown = Narrowing.firstRound(48, new Random(7));
    NarrowingState state = new NarrowingState(1, Narrowing.start(48, 6), shown);
    NarrowingState decoded = NarrowingState.decode(state.encode());
    assertEquals(1, decoded.round());
    assertEquals(state.candidates(), decoded.candidates());
    assertArrayEquals(shown, decoded.shown());

    NarrowingState later =
        new NarrowingState(2, List.of(Set.of(3, 17, 40), Set.of(5), Set.of(3, 17, 40)), shown);
    assertEquals(later.candidates(), NarrowingState.decode(later.encode()).candidates());
  }

  @Test
  void refusesMalformedText() {
    assertThrows(IllegalArgumentException.class, () -> NarrowingState.decode("1;2"));
  }
}
