package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.analysis.Filter;

/** {@code --status}: {@code 500}, {@code 5xx} or {@code 400-499}. */
final class StatusArg {

  private StatusArg() {}

  static void add(String text, Filter.Builder filter) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (s.matches("[1-5]xx")) {
        int base = (s.charAt(0) - '0') * 100;
        filter.status(base, base + 99, s);
      } else if (s.matches("\\d{3}-\\d{3}")) {
        int from = Integer.parseInt(s.substring(0, 3));
        int to = Integer.parseInt(s.substring(4));
        if (from > to) {
          throw new NumberFormatException();
        }
        filter.status(from, to, s);
      } else if (s.matches("\\d{3}")) {
        int code = Integer.parseInt(s);
        filter.status(code, code, s);
      } else {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a status: use 500, 5xx or 400-499");
    }
  }
}
