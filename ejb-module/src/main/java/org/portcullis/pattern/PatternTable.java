package org.portcullis.pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A pattern table (SPEC §3.1): its shape and registration rules. Rows and columns are fixed once a
 * pattern uses the table; a retired table takes no new registrations but its patterns still verify.
 */
@Entity
@Table(name = "pattern_table")
@NamedQuery(name = "PatternTable.all", query = "SELECT t FROM PatternTable t ORDER BY t.name")
@NamedQuery(
    name = "PatternTable.byName",
    query = "SELECT t FROM PatternTable t WHERE t.name = :name")
public class PatternTable {

  @Id
  @SequenceGenerator(name = "portcullis_seq", sequenceName = "portcullis_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portcullis_seq")
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "grid_rows", nullable = false)
  private int rows;

  @Column(name = "grid_cols", nullable = false)
  private int cols;

  @Column(name = "min_length", nullable = false)
  private int minLength;

  @Column(name = "max_cell_uses", nullable = false)
  private int maxCellUses;

  @Column(name = "reject_adjacent", nullable = false)
  private boolean rejectAdjacent;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected PatternTable() {}

  public PatternTable(String name, TableRules rules, Instant createdAt) {
    this.name = name;
    this.createdAt = createdAt;
    change(rules);
  }

  public void rename(String newName) {
    this.name = newName;
  }

  /** New rules; the caller has checked that the shape may change. */
  public void change(TableRules newRules) {
    this.rows = newRules.rows();
    this.cols = newRules.cols();
    this.minLength = newRules.minLength();
    this.maxCellUses = newRules.maxCellUses();
    this.rejectAdjacent = newRules.rejectAdjacent();
  }

  public void retire(Instant now) {
    if (retiredAt == null) {
      retiredAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public TableRules rules() {
    return new TableRules(rows, cols, minLength, maxCellUses, rejectAdjacent);
  }

  public boolean retired() {
    return retiredAt != null;
  }

  public Optional<Instant> retiredAt() {
    return Optional.ofNullable(retiredAt);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
