package org.portcullis.web.api.pattern;

import org.portcullis.pattern.Grid;

/** A presented grid on the wire: rows, columns and one digit per cell, row-major. */
record GridView(int rows, int cols, String digits) {
  static GridView of(Grid grid) {
    return new GridView(grid.rows(), grid.cols(), grid.digits());
  }
}
