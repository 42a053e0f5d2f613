package org.portcullis.pattern;

import java.util.List;
import java.util.Optional;

/** Staff manage pattern tables (SPEC §3.1); every change audited. */
public interface PatternTables {

  /**
   * A table as staff describe it. On update, a null member keeps the current value.
   *
   * @param rejectAdjacent refuse patterns whose every consecutive pair of cells is adjacent
   */
  record TableSpec(
      String name,
      Integer rows,
      Integer cols,
      Integer minLength,
      Integer maxCellUses,
      Boolean rejectAdjacent) {}

  /**
   * @throws org.portcullis.error.DomainException bad input (the strength rule's message names both
   *     numbers), or a conflict when the name is taken
   */
  PatternTable create(TableSpec spec, String staffUsername);

  /**
   * Changes a table. Rows and columns cannot change once a pattern or registration uses it.
   *
   * @throws org.portcullis.error.DomainException not found, bad input, conflict
   */
  PatternTable update(long id, TableSpec spec, String staffUsername);

  /** No new registrations on the table; its patterns keep verifying. */
  PatternTable retire(long id, String staffUsername);

  List<PatternTable> list();

  Optional<PatternTable> find(long id);
}
