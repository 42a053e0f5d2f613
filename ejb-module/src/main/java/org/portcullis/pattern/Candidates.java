package org.portcullis.pattern;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random candidate patterns for form registration (SPEC §3.1 item 1): the "candidate" button's next
 * and back walk through candidates 1, 2, 3, … of one registration, so the n-th candidate is a pure
 * function of the registration's random seed and n; the server keeps only the seed and n.
 *
 * <p>A candidate meets the table's rules and, stricter than they are, has no two consecutive cells
 * adjacent, so a suggested pattern is never a stroke across the grid. Cells are drawn from a byte
 * stream HMAC-SHA-256(seed, n ‖ counter) with rejection sampling, so each choice is uniform among
 * the cells allowed at that point. Stateless and thread-safe.
 */
public final class Candidates {

  /**
   * Most cells tried over the whole search. Every table the constructor of {@link TableRules}
   * accepts has at least 11 cells, each with at least 2 non-adjacent cells, so a first try almost
   * always succeeds; the budget only ends a search for a length the table cannot hold.
   */
  static final int BUDGET = 100_000;

  private static final String HMAC = "HmacSHA256";

  private Candidates() {}

  /**
   * The n-th candidate pattern of a registration.
   *
   * @param table the table the pattern is for
   * @param length the wanted number of cells; raised to the table's minimum length if below it
   * @param seed the registration's random seed (e.g. 32 bytes from {@code Randoms.bytes})
   * @param n 1 for the first candidate, 2 for the next, …
   * @return cells 1..table.cells(), no dummies, no two consecutive cells adjacent, no cell used
   *     more than the table allows
   * @throws IllegalArgumentException for a length above 16, an empty seed or n below 1
   * @throws IllegalStateException if the table cannot hold such a pattern of that length
   */
  public static List<Integer> candidate(TableRules table, int length, byte[] seed, int n) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(seed, "seed");
    if (seed.length == 0) {
      throw new IllegalArgumentException("the seed is empty");
    }
    if (n < 1) {
      throw new IllegalArgumentException("candidates are numbered from 1");
    }
    if (length > TableRules.MAX_LENGTH) {
      throw new IllegalArgumentException("a pattern has at most 16 cells");
    }
    int target = Math.max(length, table.minLength());
    if (target > table.cells() * table.maxCellUses()) {
      throw new IllegalStateException("the table cannot hold a pattern of that length");
    }
    int[] cells = new int[target];
    int[] uses = new int[table.cells() + 1];
    int[] budget = {BUDGET};
    if (!extend(table, cells, 0, uses, new ByteStream(seed, n), budget)) {
      throw new IllegalStateException("no candidate of that length fits the table's rules");
    }
    List<Integer> candidate = new ArrayList<>(target);
    for (int cell : cells) {
      candidate.add(cell);
    }
    table.checkCells(candidate);
    return List.copyOf(candidate);
  }

  /**
   * Fills {@code cells[depth..]}, trying the allowed cells in a random order and backtracking from
   * dead ends (a cell whose every allowed successor is used up). Almost always the first choice at
   * each depth works, so each cell is uniform among those allowed after its predecessor.
   */
  private static boolean extend(
      TableRules table, int[] cells, int depth, int[] uses, ByteStream stream, int[] budget) {
    if (depth == cells.length) {
      return true;
    }
    List<Integer> allowed = new ArrayList<>();
    for (int cell = 1; cell <= table.cells(); cell++) {
      if (uses[cell] < table.maxCellUses()
          && (depth == 0 || !table.adjacent(cells[depth - 1], cell))) {
        allowed.add(cell);
      }
    }
    while (!allowed.isEmpty()) {
      if (--budget[0] < 0) {
        return false;
      }
      int cell = allowed.remove(stream.below(allowed.size()));
      cells[depth] = cell;
      uses[cell]++;
      if (extend(table, cells, depth + 1, uses, stream, budget)) {
        return true;
      }
      uses[cell]--;
    }
    return false;
  }

  /**
   * The bytes of HMAC-SHA-256(seed, n ‖ counter) for counter 0, 1, 2, …, both as 4 bytes
   * big-endian: a deterministic random stream per (seed, n). Not thread-safe; one per call.
   */
  static final class ByteStream {

    private final Mac mac;
    private final int n;
    private int counter;
    private byte[] block = new byte[0];
    private int next;

    ByteStream(byte[] seed, int n) {
      try {
        this.mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(seed, HMAC));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA-256 is not available", e);
      }
      this.n = n;
    }

    /** The next byte of the stream, 0..255. */
    int nextByte() {
      if (next == block.length) {
        block = mac.doFinal(ByteBuffer.allocate(8).putInt(n).putInt(counter++).array());
        next = 0;
      }
      return block[next++] & 0xFF;
    }

    /**
     * A uniform value in 0..bound−1 (bound 1..256): bytes at or above the largest multiple of
     * {@code bound} are rejected, since reducing them would favour small values.
     */
    int below(int bound) {
      if (bound < 1 || bound > 256) {
        throw new IllegalArgumentException("bound must be 1..256");
      }
      int limit = 256 - 256 % bound;
      int value;
      do {
        value = nextByte();
      } while (value >= limit);
      return value % bound;
    }
  }
}
