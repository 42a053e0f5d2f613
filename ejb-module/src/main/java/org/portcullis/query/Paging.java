package org.portcullis.query;

import org.portcullis.error.DomainException;

/**
 * The bounds of one page of a list: an offset from 0 and a limit from 1 to the list's maximum. The
 * maximum keeps a single request from loading a whole table; a console pages through the rest.
 */
public final class Paging {

  private Paging() {}

  /**
   * @throws DomainException bad input {@code invalid-offset} (field {@code offset}) or {@code
   *     invalid-limit} (field {@code limit})
   */
  public static void check(int offset, int limit, int maxLimit) {
    if (offset < 0) {
      throw DomainException.badInput("invalid-offset", "offset", "offset must be 0 or more");
    }
    if (limit < 1 || limit > maxLimit) {
      throw DomainException.badInput("invalid-limit", "limit", "limit must be 1 to " + maxLimit);
    }
  }
}
