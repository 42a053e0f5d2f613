package org.portcullis.pattern.internal;

import org.portcullis.crypto.SecretBox;
import org.portcullis.pattern.Grid;

/** A presented grid sealed for its verification: {@code rows x cols : digits}. */
final class SealedGrids {

  private SealedGrids() {}

  static String seal(SecretBox box, Grid grid, String eventId) {
    return box.seal(
        grid.rows() + "x" + grid.cols() + ":" + grid.digits(),
        PendingVerification.associatedData(eventId));
  }

  static Grid open(SecretBox box, String sealed, String eventId) {
    String text = box.openString(sealed, PendingVerification.associatedData(eventId));
    int x = text.indexOf('x');
    int colon = text.indexOf(':');
    return new Grid(
        Integer.parseInt(text.substring(0, x)),
        Integer.parseInt(text.substring(x + 1, colon)),
        text.substring(colon + 1));
  }
}
