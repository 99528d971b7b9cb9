package io.reqlens.report.internal.analysis;

import io.reqlens.report.internal.input.Event;

/** How a DB event is named in the query tables. */
final class Statements {

  private Statements() {}

  /**
   * The sanitized query text; without one, {@code OPERATION collection} (for example {@code find
   * users} from a document store); else the system alone.
   */
  static String key(Event e) {
    if (e.query != null && !e.query.isEmpty()) {
      return e.query;
    }
    if (e.operation != null) {
      return e.collection == null ? e.operation : e.operation + " " + e.collection;
    }
    return "(" + (e.dbSystem == null ? "unknown" : e.dbSystem) + " statement)";
  }
}
