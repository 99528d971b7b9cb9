package io.reqlens.exporters;

import io.reqlens.core.semconv.SemConv;

/**
 * The "no secrets in files" rule for span attributes written by the jsonl exporter: whatever the
 * instrumentation was configured to capture, no header, cookie, query string or SQL literal is
 * written. Headers ({@code http.request.header.*}, {@code http.response.header.*}, where cookies
 * live) and {@code url.query} are left out; URLs and targets lose their query string; SQL ({@code
 * db.query.text}, {@code db.statement}) goes through {@link SanitizedQueries}.
 */
final class Scrub {

  static final int KEEP = 0;
  static final int DROP = 1;
  static final int STRIP_QUERY = 2;
  static final int SANITIZE_SQL = 3;

  private Scrub() {}

  /** What to do with the attribute {@code key} of a span. */
  static int action(String key) {
    // Cheap first-char test before the switch: most keys start with another letter.
    char c = key.isEmpty() ? ' ' : key.charAt(0);
    if (c != 'h' && c != 'u' && c != 'd') {
      return KEEP;
    }
    switch (key) {
      case "url.query":
        return DROP;
      case "url.full":
      case "http.url":
      case "http.target":
      case "url.path":
        return STRIP_QUERY;
      case "db.query.text":
      case "db.statement":
        return SANITIZE_SQL;
      default:
        return key.startsWith("http.request.header.") || key.startsWith("http.response.header.")
            ? DROP
            : KEEP;
    }
  }

  /** The value to write for a string attribute under {@code action} (not {@link #DROP}). */
  static String apply(int action, String value, SanitizedQueries queries) {
    if (action == STRIP_QUERY) {
      return SemConv.withoutQuery(value);
    }
    if (action == SANITIZE_SQL) {
      return queries.sanitize(value);
    }
    return value;
  }
}
