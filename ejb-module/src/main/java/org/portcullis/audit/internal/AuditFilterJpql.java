package org.portcullis.audit.internal;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.portcullis.audit.AuditLog.AuditFilter;
import org.portcullis.query.LikePatterns;

/**
 * The JPQL conditions and parameters of an {@link AuditFilter} over {@code AuditRecord r}. The
 * filter is dynamic (any mix of six parts), so it cannot be one named query; this builds the
 * condition from fixed fragments and binds every value as a parameter, never as text.
 *
 * <p>Indexes (migration V007) serve the common cases: an exact action or actor with the newest ids
 * ({@code (action, id)}, {@code (actor, id)}), a time range ({@code occurred_at}). A subject search
 * and an action prefix read the newest rows until a page is full, which is quick for a page and
 * costs a scan for a count.
 *
 * <p>Immutable; thread-safe.
 */
final class AuditFilterJpql {

  private final List<String> conditions;
  private final Map<String, Object> parameters;

  private AuditFilterJpql(List<String> conditions, Map<String, Object> parameters) {
    this.conditions = List.copyOf(conditions);
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  static AuditFilterJpql of(AuditFilter filter) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (filter == null) {
      return new AuditFilterJpql(conditions, parameters);
    }
    if (filter.actionPrefix().isPresent()) {
      String prefix = filter.actionPrefix().get();
      if (!prefix.isEmpty()) {
        conditions.add("r.action LIKE :action");
        parameters.put("action", LikePatterns.startingWith(prefix));
      }
    } else if (filter.action() != null) {
      conditions.add("r.action = :action");
      parameters.put("action", filter.action());
    }
    if (filter.actor() != null) {
      conditions.add("r.actor = :actor");
      parameters.put("actor", filter.actor());
    }
    if (filter.subject() != null) {
      conditions.add("LOWER(r.subject) LIKE :subject");
      parameters.put("subject", LikePatterns.containing(filter.subject().toLowerCase(Locale.ROOT)));
    }
    if (filter.outcome() != null) {
      conditions.add("r.outcome = :outcome");
      parameters.put("outcome", filter.outcome());
    }
    if (filter.from() != null) {
      conditions.add("r.occurredAt >= :from");
      parameters.put("from", filter.from());
    }
    if (filter.to() != null) {
      conditions.add("r.occurredAt < :to");
      parameters.put("to", filter.to());
    }
    return new AuditFilterJpql(conditions, parameters);
  }

  /** {@code " WHERE a AND b"} with the filter's conditions and any {@code more}; empty for none. */
  String where(String... more) {
    List<String> all = new ArrayList<>(conditions);
    all.addAll(List.of(more));
    return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
  }

  /** The parameters the conditions name, in the order of the conditions. */
  Map<String, Object> parameters() {
    return parameters;
  }

  /** {@code query} with the filter's parameters bound. */
  <Q extends Query> Q bind(Q query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
