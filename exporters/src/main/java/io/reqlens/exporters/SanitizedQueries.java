package io.reqlens.exporters;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link SqlSanitizer} with a small LRU cache: an app runs few distinct statements, so most DB
 * spans cost a hash lookup instead of a tokenizer pass and a new string. Bounded in entries and in
 * key length. Not thread-safe: used under the exporter's lock.
 */
final class SanitizedQueries {

  static final int MAX_ENTRIES = 512;
  static final int MAX_CACHED_LENGTH = 2048;

  private final Map<String, String> cache =
      new LinkedHashMap<String, String>(MAX_ENTRIES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  String sanitize(String sql) {
    if (sql == null) {
      return null;
    }
    if (sql.length() > MAX_CACHED_LENGTH) {
      return SqlSanitizer.sanitize(sql);
    }
    String sanitized = cache.get(sql);
    if (sanitized == null) {
      sanitized = SqlSanitizer.sanitize(sql);
      cache.put(sql, sanitized);
    }
    return sanitized;
  }
}
