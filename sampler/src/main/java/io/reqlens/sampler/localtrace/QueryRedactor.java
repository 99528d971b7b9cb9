package io.reqlens.sampler.localtrace;

import io.reqlens.core.pattern.RouteList;
import io.reqlens.core.pattern.RoutePattern;
import java.util.Locale;

/**
 * Replaces the values of sensitive query parameters in {@code url.query} and {@code url.full}.
 *
 * <p>Parameter names are compared case-insensitively against {@link RoutePattern}s ({@code *token*}
 * matches {@code access_token} and {@code X-Token}). {@code *} redacts every value; {@code none}
 * redacts nothing. Returns its input unchanged (same instance) when nothing needs redacting; a span
 * without a query costs two attribute look-ups and no allocation.
 */
final class QueryRedactor {

  static final String DEFAULT_PARAMS =
      "password,passwd,pwd,secret,*token*,*key*,*session*,*auth*,*credit*,*card*";
  static final String REDACTED = "REDACTED";

  private final RouteList names;
  private final boolean all;
  private final String source;

  private QueryRedactor(RouteList names, boolean all, String source) {
    this.names = names;
    this.all = all;
    this.source = source;
  }

  /**
   * Parses a comma-separated list of parameter-name patterns.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  static QueryRedactor parse(String list) {
    String trimmed = list.trim();
    if (trimmed.equalsIgnoreCase("none")) {
      return new QueryRedactor(RouteList.empty(), false, "none");
    }
    if (trimmed.equals("*")) {
      return new QueryRedactor(RouteList.empty(), true, "*");
    }
    return new QueryRedactor(RouteList.parse(trimmed.toLowerCase(Locale.ROOT)), false, trimmed);
  }

  boolean isOff() {
    return !all && names.isEmpty();
  }

  /** Redacts a bare query string ({@code a=1&token=x}). */
  String redactQuery(String query) {
    if (query == null || query.isEmpty() || isOff()) {
      return query;
    }
    return redactRange(query, 0, query.length());
  }

  /** Redacts the query part of a full URL, leaving scheme, host, path and fragment alone. */
  String redactUrl(String url) {
    if (url == null || isOff()) {
      return url;
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    int end = hash < 0 ? url.length() : hash;
    return redactRange(url, q + 1, end);
  }

  private String redactRange(String s, int from, int to) {
    StringBuilder out = null; // allocated only once something must change
    int copied = from;
    int start = from;
    while (start <= to) {
      int amp = s.indexOf('&', start);
      int end = amp < 0 || amp > to ? to : amp;
      int eq = s.indexOf('=', start);
      if (eq >= 0 && eq < end && eq + 1 < end && isSensitive(s.substring(start, eq))) {
        if (out == null) {
          out = new StringBuilder(s.length());
          out.append(s, 0, from);
        }
        out.append(s, copied, eq + 1).append(REDACTED);
        copied = end;
      }
      start = end + 1;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, s.length()).toString();
  }

  private boolean isSensitive(String name) {
    return all || names.matches(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return source;
  }
}
