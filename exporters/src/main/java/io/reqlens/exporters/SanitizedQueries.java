package io.reqlens.exporters;

import io.reqlens.core.sql.SanitizedSql;
import io.reqlens.core.sql.SqlDialect;
import io.reqlens.core.sql.SqlSanitizer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQL as it may reach a file: sanitized again with the shared {@link SqlSanitizer} (literals →
 * {@code ?}, comments dropped) even when the instrumentation already did, then normalized so one
 * statement shape groups under one text — whitespace runs become one space, {@code IN (?, ?, ?)}
 * becomes {@code IN (?)} — and capped at {@value #MAX_LENGTH} characters.
 *
 * <p>The dialect comes from {@code db.system.name} when known; otherwise every dialect's reading is
 * applied and whatever any of them calls a literal is hidden. The same pass finds the statement's
 * operation and single table ({@link Statement}), for {@code DB} events of spans that carry
 * neither.
 *
 * <p>Why a cache? An app runs few distinct statements, so most database spans cost a hash lookup
 * instead of a lexer pass and new strings. Bounded in entries and key length. Not thread-safe: used
 * under the exporter's lock.
 */
final class SanitizedQueries {

  static final int MAX_ENTRIES = 512;
  static final int MAX_CACHED_LENGTH = 2048;
  static final int MAX_LENGTH = 4096;

  private final Map<SqlDialect, SqlSanitizer> sanitizers = new EnumMap<>(SqlDialect.class);
  private final Map<SqlDialect, Map<String, Statement>> caches = new EnumMap<>(SqlDialect.class);

  /** A statement as it may reach a file, with what it does. */
  static final class Statement {
    final String text;
    final String operation;
    final String collection;

    Statement(String text, String operation, String collection) {
      this.text = text;
      this.operation = operation;
      this.collection = collection;
    }
  }

  /** Sanitizes a statement of an unknown database. */
  String sanitize(String sql) {
    return sanitize(null, sql);
  }

  /** Sanitizes a statement of the database named by {@code db.system.name} (may be null). */
  String sanitize(String dbSystem, String sql) {
    Statement statement = analyze(dbSystem, sql);
    return statement == null ? null : statement.text;
  }

  /** Sanitizes and analyzes a statement; null for a null {@code sql}. */
  Statement analyze(String dbSystem, String sql) {
    if (sql == null) {
      return null;
    }
    SqlDialect dialect = SqlDialect.forSystem(dbSystem);
    if (sql.length() > MAX_CACHED_LENGTH) {
      return compute(dialect, sql);
    }
    Map<String, Statement> cache = caches.computeIfAbsent(dialect, d -> lru());
    Statement statement = cache.get(sql);
    if (statement == null) {
      statement = compute(dialect, sql);
      cache.put(sql, statement);
    }
    return statement;
  }

  private Statement compute(SqlDialect dialect, String sql) {
    SanitizedSql sanitized =
        sanitizers.computeIfAbsent(dialect, SqlSanitizer::create).sanitize(sql);
    String normalized = InLists.collapse(collapseWhitespace(sanitized.queryText()));
    String text =
        normalized.length() > MAX_LENGTH ? normalized.substring(0, MAX_LENGTH) : normalized;
    return new Statement(text, sanitized.operationName(), sanitized.collectionName());
  }

  /** Runs of whitespace become one space; none at either end. Cached, so kept simple. */
  private static String collapseWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, Statement> lru() {
    return new LinkedHashMap<String, Statement>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Statement> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }
}
