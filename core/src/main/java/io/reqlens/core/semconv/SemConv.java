package io.reqlens.core.semconv;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;

/**
 * The OpenTelemetry semantic-convention attributes Reqlens reads or writes, declared once: stable
 * names first, the old (pre-1.20 HTTP, pre-1.26 database, pre-1.30 code) names as fallbacks, so
 * both agent modes and library mode fill the same fields.
 *
 * <p>Why not depend on {@code opentelemetry-semconv}? Its keys are objects, not compile-time
 * constants, so the extension jar would have to bundle (and relocate) it and its incubating sibling
 * for about thirty keys, and the old names are no longer in it.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class SemConv {

  public static final AttributeKey<String> SERVICE_NAME = stringKey("service.name");
  public static final AttributeKey<String> SERVICE_VERSION = stringKey("service.version");

  public static final AttributeKey<String> HTTP_REQUEST_METHOD = stringKey("http.request.method");
  public static final AttributeKey<String> HTTP_METHOD_OLD = stringKey("http.method");
  public static final AttributeKey<String> HTTP_ROUTE = stringKey("http.route");
  public static final AttributeKey<String> URL_PATH = stringKey("url.path");
  public static final AttributeKey<String> URL_QUERY = stringKey("url.query");
  public static final AttributeKey<String> URL_FULL = stringKey("url.full");
  public static final AttributeKey<String> HTTP_TARGET_OLD = stringKey("http.target");
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      longKey("http.response.status_code");
  public static final AttributeKey<Long> HTTP_STATUS_CODE_OLD = longKey("http.status_code");
  public static final AttributeKey<Long> HTTP_REQUEST_BODY_SIZE = longKey("http.request.body.size");
  public static final AttributeKey<Long> HTTP_REQUEST_CONTENT_LENGTH_OLD =
      longKey("http.request_content_length");
  public static final AttributeKey<Long> HTTP_RESPONSE_BODY_SIZE =
      longKey("http.response.body.size");
  public static final AttributeKey<Long> HTTP_RESPONSE_CONTENT_LENGTH_OLD =
      longKey("http.response_content_length");
  public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");

  public static final AttributeKey<String> DB_SYSTEM_NAME = stringKey("db.system.name");
  public static final AttributeKey<String> DB_SYSTEM_OLD = stringKey("db.system");
  public static final AttributeKey<String> DB_NAMESPACE = stringKey("db.namespace");
  public static final AttributeKey<String> DB_OPERATION_NAME = stringKey("db.operation.name");
  public static final AttributeKey<String> DB_OPERATION_OLD = stringKey("db.operation");
  public static final AttributeKey<String> DB_COLLECTION_NAME = stringKey("db.collection.name");
  public static final AttributeKey<String> DB_SQL_TABLE_OLD = stringKey("db.sql.table");
  public static final AttributeKey<String> DB_QUERY_TEXT = stringKey("db.query.text");
  public static final AttributeKey<String> DB_QUERY_SUMMARY = stringKey("db.query.summary");
  public static final AttributeKey<String> DB_STATEMENT_OLD = stringKey("db.statement");
  public static final AttributeKey<Long> DB_OPERATION_BATCH_SIZE =
      longKey("db.operation.batch.size");
  public static final AttributeKey<Long> DB_RETURNED_ROWS = longKey("db.response.returned_rows");

  public static final AttributeKey<String> CODE_FUNCTION_NAME = stringKey("code.function.name");
  public static final AttributeKey<String> CODE_NAMESPACE_OLD = stringKey("code.namespace");
  public static final AttributeKey<String> CODE_FUNCTION_OLD = stringKey("code.function");

  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  public static final AttributeKey<String> EXCEPTION_TYPE = stringKey("exception.type");
  public static final AttributeKey<String> EXCEPTION_MESSAGE = stringKey("exception.message");
  public static final AttributeKey<String> EXCEPTION_STACKTRACE = stringKey("exception.stacktrace");

  private SemConv() {}

  /** The value of {@code key}, else of {@code fallback}, else null. */
  public static <T> T first(Attributes attributes, AttributeKey<T> key, AttributeKey<T> fallback) {
    T value = attributes.get(key);
    return value != null ? value : attributes.get(fallback);
  }

  /** Cuts a query string or fragment: no {@code ?..} or {@code #..} ever reaches a file. */
  public static String withoutQuery(String path) {
    if (path == null) {
      return null;
    }
    int q = path.indexOf('?');
    int f = path.indexOf('#');
    int cut = q < 0 ? f : (f < 0 ? q : Math.min(q, f));
    return cut < 0 ? path : path.substring(0, cut);
  }
}
