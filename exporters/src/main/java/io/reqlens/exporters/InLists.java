package io.reqlens.exporters;

/**
 * Collapses {@code IN (?, ?, ?)} to {@code IN (?)} in sanitized SQL, so a statement groups under
 * one text whatever the list length. A scan rather than a regular expression: a repeated group over
 * a 1000-element list overflows the regex engine's stack.
 */
final class InLists {

  private InLists() {}

  static String collapse(String s) {
    int at = indexOfIn(s, 0);
    if (at < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int copied = 0;
    while (at >= 0) {
      int open = at + 2;
      if (open < s.length() && s.charAt(open) == ' ') {
        open++;
      }
      int end = placeholderListEnd(s, open);
      if (end > 0) {
        out.append(s, copied, open).append("(?)");
        copied = end;
      }
      at = indexOfIn(s, Math.max(at + 2, copied));
    }
    return out.append(s, copied, s.length()).toString();
  }

  /** If {@code s} has {@code (?, ?, ...)} at {@code i}, returns the index after it, else -1. */
  private static int placeholderListEnd(String s, int i) {
    int n = s.length();
    if (i >= n || s.charAt(i) != '(') {
      return -1;
    }
    i++;
    boolean expectPlaceholder = true;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ') {
        i++;
      } else if (expectPlaceholder && c == '?') {
        expectPlaceholder = false;
        i++;
      } else if (!expectPlaceholder && c == ',') {
        expectPlaceholder = true;
        i++;
      } else if (!expectPlaceholder && c == ')') {
        return i + 1;
      } else {
        return -1;
      }
    }
    return -1;
  }

  /** The next keyword {@code IN} (any case, as a whole word) at or after {@code from}. */
  private static int indexOfIn(String s, int from) {
    for (int i = from; i + 1 < s.length(); i++) {
      char a = s.charAt(i);
      char b = s.charAt(i + 1);
      if ((a == 'i' || a == 'I')
          && (b == 'n' || b == 'N')
          && (i == 0 || !isWordChar(s.charAt(i - 1)))
          && (i + 2 == s.length() || !isWordChar(s.charAt(i + 2)))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
