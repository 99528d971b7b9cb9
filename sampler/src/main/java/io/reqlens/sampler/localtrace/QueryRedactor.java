package io.reqlens.sampler.localtrace;

import io.reqlens.core.pattern.RouteList;
import io.reqlens.core.pattern.RoutePattern;
import java.util.Locale;

/**
 * Replaces the values of sensitive query parameters in {@code url.query} and {@code url.full}, and
 * tells which captured header attributes ({@code http.request.header.*}, {@code
 * http.response.header.*}) hold credentials.
 *
 * <p>Parameter names are matched as the application will read them: percent-decoded (repeatedly, so
 * {@code pass%2577ord} is caught too), case-folded, and also part by part for nested names ({@code
 * user[password]}, {@code user.password}), against {@link RoutePattern}s ({@code *token*} matches
 * {@code access_token} and {@code X-Token}). Pairs are separated by {@code &} or {@code ;}. {@code
 * *} redacts every value; {@code none} redacts no query value. Returns its input unchanged (same
 * instance) when nothing needs redacting; a span without a query costs two attribute look-ups and
 * no allocation.
 *
 * <p>Header values are redacted whatever the query setting: {@value #SENSITIVE_HEADERS}, plus the
 * query-parameter patterns (so {@code *} redacts every captured header as well).
 */
final class QueryRedactor {

  static final String DEFAULT_PARAMS =
      "*password*,*passwd*,*pwd*,*secret*,*token*,*key*,*session*,*auth*,*credential*,*credit*,"
          + "*card*,*cvv*,*signature*,*jwt*,sig";

  /** Header names whose values are always replaced (lower case, as semconv keys carry them). */
  static final String SENSITIVE_HEADERS =
      "authorization,proxy-authorization,cookie,set-cookie,*cookie*,*token*,*key*,*secret*,"
          + "*session*,*auth*,*password*,*credential*,*signature*,*jwt*";

  static final String REDACTED = "REDACTED";

  private static final String REQUEST_HEADER = "http.request.header.";
  private static final String RESPONSE_HEADER = "http.response.header.";
  private static final RouteList HEADERS = RouteList.parse(SENSITIVE_HEADERS);

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

  /** Whether no query value is ever redacted (headers still are). */
  boolean isOff() {
    return !all && names.isEmpty();
  }

  /** Whether {@code key} is a captured header attribute whose values must be replaced. */
  boolean isSensitiveHeader(String key) {
    String name;
    if (key.startsWith(REQUEST_HEADER)) {
      name = key.substring(REQUEST_HEADER.length());
    } else if (key.startsWith(RESPONSE_HEADER)) {
      name = key.substring(RESPONSE_HEADER.length());
    } else {
      return false;
    }
    // Instrumentations lower-case header names; some keep '_' (x_auth_token) as sent.
    String folded = name.toLowerCase(Locale.ROOT).replace('_', '-');
    return all || HEADERS.matches(folded) || names.matches(folded) || names.matches(name);
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
      int end = separator(s, start, to);
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

  /** The next {@code &} or {@code ;} (both separate pairs for common servers), or {@code to}. */
  private static int separator(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '&' || c == ';') {
        return i;
      }
    }
    return to;
  }

  private boolean isSensitive(String rawName) {
    if (all) {
      return true;
    }
    String name = ParamNames.fold(rawName);
    if (names.matches(name)) {
      return true;
    }
    // Nested names: user[password], user.password, a[b][token] — each part on its own.
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      char c = i < name.length() ? name.charAt(i) : '[';
      if (c == '[' || c == ']' || c == '.' || c == '/') {
        if (i > start
            && (start > 0 || i < name.length())
            && names.matches(name.substring(start, i))) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return source;
  }
}
