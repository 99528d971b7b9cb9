package io.reqlens.instrumentation.jdbc;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;

/**
 * The stable database semconv attributes, all set at span start so a sampler can see them. The
 * query text was sanitized before it got here; nothing else in the request holds a literal.
 */
final class DbAttributesExtractor implements AttributesExtractor<DbRequest, Void> {

  static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
  static final AttributeKey<String> DB_QUERY_SUMMARY = AttributeKey.stringKey("db.query.summary");
  static final AttributeKey<String> DB_OPERATION_NAME =
      AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> DB_COLLECTION_NAME =
      AttributeKey.stringKey("db.collection.name");
  static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE =
      AttributeKey.longKey("db.operation.batch.size");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

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
    putIfNotNull(attributes, DB_OPERATION_NAME, request.operationName());
    putIfNotNull(attributes, DB_COLLECTION_NAME, request.collectionName());
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
      Void response,
      Throwable error) {
    // error.type and the exception event are written by SqlErrors: see there why.
  }

  private static void putIfNotNull(
      AttributesBuilder attributes, AttributeKey<String> key, String value) {
    if (value != null) {
      attributes.put(key, value);
    }
  }
}
