package org.portcullis.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.portcullis.error.DomainException;
import org.portcullis.pattern.PatternTable;
import org.portcullis.pattern.PatternTables;
import org.portcullis.pattern.PatternTables.TableSpec;
import org.portcullis.pattern.StrengthRule;
import org.portcullis.pattern.TableRules;
import org.primefaces.PrimeFaces;

/**
 * Pattern tables (SPEC §3.10): the list for everyone; admins create, edit and retire. The strength
 * rule is shown as the admin types, with {@link StrengthRule}'s own numbers; the service checks it
 * again when the table is saved.
 */
@Named
@ViewScoped
public class PatternTablesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String FORM = "table-form";

  /** A table as the list shows it. */
  public record Row(
      long id,
      String name,
      int rows,
      int cols,
      int minLength,
      int maxCellUses,
      boolean rejectAdjacent,
      String selections,
      String pins,
      boolean retired,
      Instant retiredAt,
      Instant createdAt)
      implements Serializable {

    static Row of(PatternTable table) {
      TableRules rules = table.rules();
      return new Row(
          table.id(),
          table.name(),
          rules.rows(),
          rules.cols(),
          rules.minLength(),
          rules.maxCellUses(),
          rules.rejectAdjacent(),
          grouped(StrengthRule.orderedSelections(rules.cells(), rules.minLength())),
          grouped(StrengthRule.pins(rules.minLength())),
          table.retired(),
          table.retiredAt().orElse(null),
          table.createdAt());
    }
  }

  /**
   * The strength rule for what is typed so far. {@code complete} false: the numbers are missing or
   * outside the limits of a table, and {@code problem} says which.
   */
  public record Strength(
      boolean complete,
      String problem,
      String factors,
      String selections,
      String pins,
      int length,
      int cells,
      boolean holds) {}

  @EJB PatternTables tables;

  @Inject ConsoleUser me;

  private List<Row> rows;

  /** The table being edited; null while creating one. */
  private Long editingId;

  private String name;
  private Integer gridRows;
  private Integer gridCols;
  private Integer minLength;
  private Integer maxCellUses;
  private boolean rejectAdjacent;

  @PostConstruct
  void load() {
    rows = tables.list().stream().map(Row::of).toList();
  }

  /** Opens the dialog for a new table with the defaults of the 4×4 table. */
  public void startNew() {
    me.requireAdmin("create pattern tables");
    TableRules defaults = TableRules.defaults4x4();
    editingId = null;
    name = null;
    gridRows = defaults.rows();
    gridCols = defaults.cols();
    minLength = defaults.minLength();
    maxCellUses = defaults.maxCellUses();
    rejectAdjacent = defaults.rejectAdjacent();
    PrimeFaces.current().resetInputs(":" + FORM);
  }

  /** Opens the dialog on an existing table. */
  public void startEdit(Row row) {
    me.requireAdmin("edit pattern tables");
    editingId = row.id();
    name = row.name();
    gridRows = row.rows();
    gridCols = row.cols();
    minLength = row.minLength();
    maxCellUses = row.maxCellUses();
    rejectAdjacent = row.rejectAdjacent();
    PrimeFaces.current().resetInputs(":" + FORM);
  }

  public void save() {
    String staff =
        me.requireAdmin(editingId == null ? "create pattern tables" : "edit pattern tables");
    TableSpec spec =
        new TableSpec(name, gridRows, gridCols, minLength, maxCellUses, rejectAdjacent);
    try {
      PatternTable saved =
          editingId == null ? tables.create(spec, staff) : tables.update(editingId, spec, staff);
      load();
      PrimeFaces.current().executeScript("PF('tableDialog').hide()");
      ConsoleMessages.done(
          (editingId == null ? "Created pattern table " : "Saved pattern table ")
              + saved.name()
              + ".");
    } catch (DomainException refused) {
      showInDialog(refused);
    }
  }

  public void retire(Row row) {
    String staff = me.requireAdmin("retire pattern tables");
    try {
      tables.retire(row.id(), staff);
      ConsoleMessages.done(
          "Retired pattern table "
              + row.name()
              + ". It takes no new registrations; its patterns still verify.");
    } catch (DomainException refused) {
      ConsoleMessages.show(refused, "tables-form");
    }
    load();
  }

  /**
   * A refusal without a field is shown in the dialog too, because the page's own messages are
   * behind the dialog's mask: a taken name beside the name, a table in use beside its shape.
   */
  private void showInDialog(DomainException refused) {
    if (!refused.fields().isEmpty()) {
      ConsoleMessages.show(refused, FORM);
      return;
    }
    String field =
        switch (refused.type()) {
          case "pattern-table-name-taken" -> "name";
          case "table-in-use" -> "rows";
          default -> null;
        };
    if (field == null) {
      ConsoleMessages.show(refused, FORM);
      return;
    }
    Messages.addError(FORM + ":" + field, refused.getMessage());
    Faces.validationFailed();
  }

  /** The strength rule for the numbers in the dialog, recomputed on every keystroke. */
  public Strength getStrength() {
    if (gridRows == null || gridCols == null || minLength == null) {
      return incomplete("Enter rows, columns and the minimum length.");
    }
    if (gridRows < 1 || gridRows > TableRules.MAX_ROWS) {
      return incomplete("A table has 1 to " + TableRules.MAX_ROWS + " rows.");
    }
    if (gridCols < 1 || gridCols > TableRules.MAX_COLS) {
      return incomplete("A table has 1 to " + TableRules.MAX_COLS + " columns.");
    }
    if (minLength < 1 || minLength > TableRules.MAX_LENGTH) {
      return incomplete("The minimum length is 1 to " + TableRules.MAX_LENGTH + ".");
    }
    int cells = gridRows * gridCols;
    BigInteger selections = StrengthRule.orderedSelections(cells, minLength);
    BigInteger pins = StrengthRule.pins(minLength);
    return new Strength(
        true,
        null,
        factors(cells, minLength),
        grouped(selections),
        grouped(pins),
        minLength,
        cells,
        StrengthRule.holds(cells, minLength));
  }

  private static Strength incomplete(String problem) {
    return new Strength(false, problem, "", "", "", 0, 0, false);
  }

  /** {@code 4 · 3 · 2 · 1}, shortened in the middle for long patterns. */
  static String factors(int cells, int length) {
    if (length > cells) {
      return "fewer than " + length + " cells";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (length > 6 && i == 3) {
        text.append(" · …");
        i = length - 2;
        continue;
      }
      text.append(i == 0 ? "" : " · ").append(cells - i);
    }
    return text.toString();
  }

  static String grouped(BigInteger number) {
    return String.format(Locale.ENGLISH, "%,d", number);
  }

  public boolean isEditing() {
    return editingId != null;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getGridRows() {
    return gridRows;
  }

  public void setGridRows(Integer gridRows) {
    this.gridRows = gridRows;
  }

  public Integer getGridCols() {
    return gridCols;
  }

  public void setGridCols(Integer gridCols) {
    this.gridCols = gridCols;
  }

  public Integer getMinLength() {
    return minLength;
  }

  public void setMinLength(Integer minLength) {
    this.minLength = minLength;
  }

  public Integer getMaxCellUses() {
    return maxCellUses;
  }

  public void setMaxCellUses(Integer maxCellUses) {
    this.maxCellUses = maxCellUses;
  }

  public boolean isRejectAdjacent() {
    return rejectAdjacent;
  }

  public void setRejectAdjacent(boolean rejectAdjacent) {
    this.rejectAdjacent = rejectAdjacent;
  }
}
