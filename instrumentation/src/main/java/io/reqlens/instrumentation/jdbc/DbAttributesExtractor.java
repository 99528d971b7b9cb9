package io.reqlens.instrumentation.jdbc;

import static io.reqlens.core.semconv.SemConv.DB_NAMESPACE;
import static io.reqlens.core.semconv.SemConv.DB_OPERATION_BATCH_SIZE;
import static io.reqlens.core.semconv.SemConv.DB_QUERY_SUMMARY;
import static io.reqlens.core.semconv.SemConv.DB_QUERY_TEXT;
import static io.reqlens.core.semconv.SemConv.DB_RETURNED_ROWS;
import static io.reqlens.core.semconv.SemConv.DB_SYSTEM_NAME;
import static io.reqlens.core.semconv.SemConv.SERVER_ADDRESS;
import static io.reqlens.core.semconv.SemConv.SERVER_PORT;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;

/**
 * The stable database semconv attributes, all set at span start so a sampler can see them. The
 * query text was sanitized before it got here; nothing else in the request holds a literal.
 *
 * <p>Why no {@code db.operation.name} and {@code db.collection.name}? For SQL, semconv says they
 * SHOULD NOT be parsed out of the query text (a statement may touch several tables), and the agent
 * writes {@code db.query.summary} alone. So does this library; the request events read the
 * operation and table back from the summary.
 */
final class DbAttributesExtractor implements AttributesExtractor<DbRequest, Long> {

  private final boolean captureQueryText;

  DbAttributesExtractor(boolean captureQueryText) {
    this.captureQueryText = captureQueryText;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, DbRequest request) {
    DbInfo db = request.db();
    attributes.put(DB_SYSTEM_NAME, db.systemName());
    putIfNotNull(attributes, DB_NAMESPACE, db.namespace());
    if (captureQueryText) {
      putIfNotNull(attributes, DB_QUERY_TEXT, request.queryText());
    }
    putIfNotNull(attributes, DB_QUERY_SUMMARY, request.summary());
    if (request.batchSize() > 1) {
      attributes.put(DB_OPERATION_BATCH_SIZE, request.batchSize());
    }
    putIfNotNull(attributes, SERVER_ADDRESS, db.serverAddress());
    if (db.serverAddress() != null && db.serverPort() != null) {
      attributes.put(SERVER_PORT, (long) db.serverPort());
    }
  }

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      DbRequest request,
      Long rows,
      Throwable error) {
    // error.type and the exception event are written by SqlErrors: see there why.
    if (rows != null) {
      attributes.put(DB_RETURNED_ROWS, rows); // the rows the app read (OpenResult)
    }
  }

  private static void putIfNotNull(
      AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
