package org.portcullis.pattern.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.portcullis.audit.AuditLog;
import org.portcullis.error.DomainException;
import org.portcullis.pattern.PatternRuleException;
import org.portcullis.pattern.PatternTable;
import org.portcullis.pattern.PatternTables;
import org.portcullis.pattern.TableRules;
import org.portcullis.time.PortcullisClock;

/** Pattern tables; the rules themselves live in {@link TableRules}. */
@Stateless
public class PatternTablesBean implements PatternTables {

  private static final int MAX_NAME = 100;

  @PersistenceContext(unitName = "portcullis")
  EntityManager em;

  @EJB PortcullisClock clock;
  @EJB AuditLog audit;

  @Override
  public PatternTable create(TableSpec spec, String staffUsername) {
    String name = name(spec.name());
    TableRules rules =
        rules(
            spec.rows(),
            spec.cols(),
            spec.minLength(),
            spec.maxCellUses() == null ? 2 : spec.maxCellUses(),
            spec.rejectAdjacent() == null || spec.rejectAdjacent());
    requireFreeName(name, null);
    PatternTable table = new PatternTable(name, rules, clock.now());
    em.persist(table);
    em.flush();
    audit.record(
        "staff:" + staffUsername, "pattern-table.create", subject(table), "OK", describe(rules));
    return table;
  }

  @Override
  public PatternTable update(long id, TableSpec spec, String staffUsername) {
    PatternTable table = existing(id, LockModeType.PESSIMISTIC_WRITE);
    TableRules current = table.rules();
    TableRules rules =
        rules(
            spec.rows() == null ? current.rows() : spec.rows(),
            spec.cols() == null ? current.cols() : spec.cols(),
            spec.minLength() == null ? current.minLength() : spec.minLength(),
            spec.maxCellUses() == null ? current.maxCellUses() : spec.maxCellUses(),
            spec.rejectAdjacent() == null ? current.rejectAdjacent() : spec.rejectAdjacent());
    boolean reshaped = rules.rows() != current.rows() || rules.cols() != current.cols();
    if (reshaped && inUse(table)) {
      throw DomainException.conflict(
          "table-in-use",
          "Patterns or registrations use this table, so its rows and columns cannot change;"
              + " create a new table instead");
    }
    if (spec.name() != null) {
      String name = name(spec.name());
      requireFreeName(name, table.id());
      table.rename(name);
    }
    table.change(rules);
    audit.record(
        "staff:" + staffUsername, "pattern-table.update", subject(table), "OK", describe(rules));
    return table;
  }

  @Override
  public PatternTable retire(long id, String staffUsername) {
    PatternTable table = existing(id, LockModeType.PESSIMISTIC_WRITE);
    table.retire(clock.now());
    audit.record("staff:" + staffUsername, "pattern-table.retire", subject(table), "OK", null);
    return table;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<PatternTable> list() {
    return em.createNamedQuery("PatternTable.all", PatternTable.class).getResultList();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<PatternTable> find(long id) {
    return Optional.ofNullable(em.find(PatternTable.class, id));
  }

  private PatternTable existing(long id, LockModeType lockMode) {
    PatternTable table = em.find(PatternTable.class, id, lockMode);
    if (table == null) {
      throw DomainException.notFound("unknown-pattern-table", "No pattern table " + id);
    }
    return table;
  }

  private boolean inUse(PatternTable table) {
    long patterns =
        em.createNamedQuery("StoredPattern.countOfTable", Long.class)
            .setParameter("tableRef", table.id())
            .getSingleResult();
    long registrations =
        em.createNamedQuery("PatternRegistration.countOfTable", Long.class)
            .setParameter("tableRef", table.id())
            .getSingleResult();
    return patterns + registrations > 0;
  }

  private void requireFreeName(String name, Long self) {
    em.createNamedQuery("PatternTable.byName", PatternTable.class)
        .setParameter("name", name)
        .getResultStream()
        .filter(other -> !other.id().equals(self))
        .findFirst()
        .ifPresent(
            other -> {
              throw DomainException.conflict(
                  "pattern-table-name-taken", "A pattern table is already named " + name);
            });
  }

  private static String name(String name) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      throw DomainException.badInput(
          "invalid-pattern-table", "name", "A table needs a name of 1 to 100 characters");
    }
    return name.strip();
  }

  private static TableRules rules(
      Integer rows, Integer cols, Integer minLength, int maxCellUses, boolean rejectAdjacent) {
    if (rows == null) {
      throw DomainException.badInput("invalid-pattern-table", "rows", "rows is required");
    }
    if (cols == null) {
      throw DomainException.badInput("invalid-pattern-table", "cols", "cols is required");
    }
    if (minLength == null) {
      throw DomainException.badInput("invalid-pattern-table", "minLength", "minLength is required");
    }
    try {
      return new TableRules(rows, cols, minLength, maxCellUses, rejectAdjacent);
    } catch (PatternRuleException broken) {
      throw broken.asBadInput();
    }
  }

  private static String subject(PatternTable table) {
    return "pattern-table:" + table.id();
  }

  private static String describe(TableRules rules) {
    return rules.rows()
        + "x"
        + rules.cols()
        + " minLength="
        + rules.minLength()
        + " maxCellUses="
        + rules.maxCellUses()
        + " rejectAdjacent="
        + rules.rejectAdjacent();
  }
}
