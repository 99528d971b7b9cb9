package io.reqlens.instrumentation.jdbc;

import io.reqlens.core.sql.QuerySummary;
import io.reqlens.core.sql.SanitizedSql;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** One statement execution (or one batch), already sanitized: the Instrumenter's request. */
final class DbRequest {

  private final DbInfo db;
  private final String queryText;
  private final long batchSize; // 0 when not a batch (semconv: a batch has at least 2)
  private final String summary;

  private DbRequest(
      DbInfo db, String queryText, String operation, String collection, long batchSize) {
    this.db = db;
    this.queryText = queryText;
    this.batchSize = batchSize;
    this.summary = QuerySummary.format(operation, collection, batchSize > 1);
  }

  static DbRequest single(DbInfo db, SanitizedSql sql) {
    return new DbRequest(db, sql.queryText(), sql.operationName(), sql.collectionName(), 0);
  }

  /**
   * A batch of {@code size} executions of the given (distinct) statements. Operation and collection
   * are kept only when every statement shares them.
   */
  static DbRequest batch(DbInfo db, Collection<SanitizedSql> statements, long size) {
    if (statements.isEmpty()) {
      return new DbRequest(db, null, null, null, size > 1 ? size : 0);
    }
    Set<String> texts = new LinkedHashSet<>();
    String operation = null;
    String collection = null;
    boolean first = true;
    for (SanitizedSql sql : statements) {
      texts.add(sql.queryText());
      if (first) {
        operation = sql.operationName();
        collection = sql.collectionName();
        first = false;
      } else {
        operation = same(operation, sql.operationName());
        collection = same(collection, sql.collectionName());
      }
    }
    if (operation == null) {
      collection = null;
    }
    return new DbRequest(db, String.join("; ", texts), operation, collection, size > 1 ? size : 0);
  }

  private static String same(String a, String b) {
    return a != null && a.equals(b) ? a : null;
  }

  DbInfo db() {
    return db;
  }

  String queryText() {
    return queryText;
  }

  /** The batch size, or 0 when this is not a batch of two or more. */
  long batchSize() {
    return batchSize;
  }

  /** {@code db.query.summary}: operation and table, BATCH-prefixed for batches, or null. */
  String summary() {
    return summary;
  }

  /** The span name: the summary, else {@code db.system.name} (as the agent does). */
  String spanName() {
    return summary != null ? summary : db.systemName();
  }
}
