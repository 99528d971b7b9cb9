package io.reqlens.core.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A comma-separated list of {@link RoutePattern}s, as in {@code OTEL_REQLENS_EXCLUDE_ROUTES}: a
 * value matches when any pattern matches it.
 *
 * <p>Commas inside {@code {}} or {@code []} belong to the pattern, so {@code ~/v[0-9]{1,2}/.*}
 * stays one regular expression.
 */
public final class RouteList {

  private static final RouteList EMPTY = new RouteList(new RoutePattern[0]);

  private final RoutePattern[] patterns;

  private RouteList(RoutePattern[] patterns) {
    this.patterns = patterns;
  }

  /** Returns the empty list, which matches nothing. */
  public static RouteList empty() {
    return EMPTY;
  }

  /**
   * Parses a comma-separated list; {@code null} or blank gives the empty list.
   *
   * @throws IllegalArgumentException naming the bad entry and what is accepted
   */
  public static RouteList parse(String text) {
    if (text == null || text.trim().isEmpty()) {
      return EMPTY;
    }
    List<RoutePattern> patterns = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && depth > 0) {
        depth--;
      } else if (c == ',' && (depth == 0 || i == text.length())) {
        String entry = text.substring(start, i).trim();
        int number = patterns.size() + 1;
        if (entry.isEmpty()) {
          throw new IllegalArgumentException(
              "entry " + number + " is empty; expected patterns separated by single commas");
        }
        try {
          patterns.add(RoutePattern.compile(entry));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "entry " + number + " '" + entry + "': " + e.getMessage(), e);
        }
        start = i + 1;
        depth = 0;
      }
    }
    return new RouteList(patterns.toArray(new RoutePattern[0]));
  }

  /** Returns whether any pattern matches {@code value}; {@code null} never matches. */
  public boolean matches(String value) {
    if (value == null) {
      return false;
    }
    for (RoutePattern p : patterns) {
      if (p.matches(value)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return patterns.length == 0;
  }

  public List<RoutePattern> patterns() {
    return Collections.unmodifiableList(List.of(patterns));
  }

  @Override
  public String toString() {
    return List.of(patterns).toString();
  }
}
