package io.reqlens.exporters;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

/**
 * The attributes the request-event exporter reads: stable semantic conventions first, the old
 * (pre-1.20 HTTP, pre-1.26 database) names as fallback, so both agent modes fill the events.
 */
final class SemConv {

  static final AttributeKey<String> HTTP_REQUEST_METHOD = stringKey("http.request.method");
  static final AttributeKey<String> HTTP_METHOD_OLD = stringKey("http.method");
  static final AttributeKey<String> HTTP_ROUTE = stringKey("http.route");
  static final AttributeKey<String> URL_PATH = stringKey("url.path");
  static final AttributeKey<String> HTTP_TARGET_OLD = stringKey("http.target");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = longKey("http.response.status_code");
  static final AttributeKey<Long> HTTP_STATUS_CODE_OLD = longKey("http.status_code");
  static final AttributeKey<Long> HTTP_REQUEST_BODY_SIZE = longKey("http.request.body.size");
  static final AttributeKey<Long> HTTP_REQUEST_CONTENT_LENGTH_OLD =
      longKey("http.request_content_length");
  static final AttributeKey<Long> HTTP_RESPONSE_BODY_SIZE = longKey("http.response.body.size");
  static final AttributeKey<Long> HTTP_RESPONSE_CONTENT_LENGTH_OLD =
      longKey("http.response_content_length");

  static final AttributeKey<String> DB_SYSTEM_NAME = stringKey("db.system.name");
  static final AttributeKey<String> DB_SYSTEM_OLD = stringKey("db.system");
  static final AttributeKey<String> DB_OPERATION_NAME = stringKey("db.operation.name");
  static final AttributeKey<String> DB_OPERATION_OLD = stringKey("db.operation");
  static final AttributeKey<String> DB_COLLECTION_NAME = stringKey("db.collection.name");
  static final AttributeKey<String> DB_SQL_TABLE_OLD = stringKey("db.sql.table");
  static final AttributeKey<String> DB_QUERY_TEXT = stringKey("db.query.text");
  static final AttributeKey<String> DB_STATEMENT_OLD = stringKey("db.statement");
  static final AttributeKey<Long> DB_RETURNED_ROWS = longKey("db.response.returned_rows");

  static final AttributeKey<String> CODE_FUNCTION_NAME = stringKey("code.function.name");
  static final AttributeKey<String> CODE_NAMESPACE_OLD = stringKey("code.namespace");
  static final AttributeKey<String> CODE_FUNCTION_OLD = stringKey("code.function");

  static final AttributeKey<String> EXCEPTION_TYPE = stringKey("exception.type");
  static final AttributeKey<String> EXCEPTION_MESSAGE = stringKey("exception.message");
  static final AttributeKey<String> EXCEPTION_STACKTRACE = stringKey("exception.stacktrace");

  /** Stamped on the server span by the Reqlens local-trace processor. */
  static final AttributeKey<Long> REQLENS_DB_COUNT = longKey("reqlens.db.count");

  static final AttributeKey<Long> REQLENS_DB_DURATION_NS = longKey("reqlens.db.duration_ns");

  private SemConv() {}

  /** The first of {@code keys} that is set, or null. */
  static <T> T first(Attributes attributes, AttributeKey<T> key, AttributeKey<T> fallback) {
    T value = attributes.get(key);
    return value != null ? value : attributes.get(fallback);
  }

  /** Cuts a query string or fragment: no {@code ?..} or {@code #..} ever reaches a file. */
  static String withoutQuery(String path) {
    if (path == null) {
      return null;
    }
    int q = path.indexOf('?');
    int f = path.indexOf('#');
    int cut = q < 0 ? f : (f < 0 ? q : Math.min(q, f));
    return cut < 0 ? path : path.substring(0, cut);
  }
}
