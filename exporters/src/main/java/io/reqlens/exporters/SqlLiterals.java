package io.reqlens.exporters;

/** Finds where a SQL literal ends; the scanning half of {@link SqlSanitizer}. */
final class SqlLiterals {

  /** Returned by {@link #prefixedStringEnd} when the identifier does not start a string. */
  static final int NOT_A_STRING = Integer.MIN_VALUE;

  private SqlLiterals() {}

  /**
   * Returns the index after the literal quoted by {@code quote} that starts at {@code start}, or -1
   * when it is unterminated or, with {@code checkBackslash}, when it holds an odd run of
   * backslashes before a quote: MySQL reads {@code \'} as an escaped quote, standard SQL as a
   * backslash then the end of the string, so nobody can tell where it ends. An even run ({@code
   * \\'}) ends the string in both readings.
   */
  static int quotedEnd(String s, int start, char quote, boolean checkBackslash) {
    int n = s.length();
    int i = start + 1;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\' && checkBackslash) {
        int run = 0;
        while (i < n && s.charAt(i) == '\\') {
          run++;
          i++;
        }
        if ((run & 1) == 1 && i < n && s.charAt(i) == quote) {
          return -1;
        }
      } else if (c == quote) {
        if (i + 1 < n && s.charAt(i + 1) == quote) {
          i += 2; // doubled quote: an escaped quote in every dialect
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return -1;
  }

  /** Like {@link #quotedEnd} for Postgres {@code E'...'}, where backslash always escapes. */
  static int escapedStringEnd(String s, int start) {
    int n = s.length();
    int i = start + 1;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < n && s.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * For an identifier {@code [identStart, identEnd)} that is a string prefix ({@code E X B N} or
   * {@code U&}) directly followed by a quote, returns where that string ends (-1: unterminated or
   * ambiguous); otherwise {@link #NOT_A_STRING}.
   */
  static int prefixedStringEnd(String s, int identStart, int identEnd) {
    int n = s.length();
    if (identEnd - identStart != 1 || identEnd >= n) {
      return NOT_A_STRING;
    }
    char p = Character.toUpperCase(s.charAt(identStart));
    char next = s.charAt(identEnd);
    if (next == '\'') {
      switch (p) {
        case 'E':
          return escapedStringEnd(s, identEnd);
        case 'X':
        case 'B':
        case 'N':
          return quotedEnd(s, identEnd, '\'', true);
        default:
          return NOT_A_STRING;
      }
    }
    if (p == 'U' && next == '&' && identEnd + 1 < n && s.charAt(identEnd + 1) == '\'') {
      return quotedEnd(s, identEnd + 1, '\'', true);
    }
    return NOT_A_STRING;
  }

  /**
   * At a {@code $} not followed by a digit: returns the index after a dollar-quoted string ({@code
   * $$...$$} or {@code $tag$...$tag$}), -1 when unterminated, or {@code start} when this {@code $}
   * does not open one.
   */
  static int dollarQuotedEnd(String s, int start) {
    int n = s.length();
    int j = start + 1;
    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    if (j >= n || s.charAt(j) != '$') {
      return start;
    }
    String delimiter = s.substring(start, j + 1);
    int close = s.indexOf(delimiter, j + 1);
    return close < 0 ? -1 : close + delimiter.length();
  }

  /**
   * Returns the index after the number starting at {@code i}: decimal with fraction and exponent,
   * {@code 0x..} hex or {@code 0b..} binary. Letters glued to it are swallowed too ({@code 12abc}),
   * erring towards hiding more.
   */
  static int numberEnd(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        i++;
      } else if ((c == '+' || c == '-')
          && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')
          && i + 1 < n
          && SqlSanitizer.isDigit(s.charAt(i + 1))
          && isDecimalUpTo(s, i - 1)) {
        i++; // exponent sign: 1e-5
      } else {
        break;
      }
    }
    return i;
  }

  /** True when the number before {@code e} at {@code ePos} is decimal (not {@code 0x1e}). */
  private static boolean isDecimalUpTo(String s, int ePos) {
    int k = ePos - 1;
    while (k >= 0 && (SqlSanitizer.isDigit(s.charAt(k)) || s.charAt(k) == '.')) {
      k--;
    }
    return k < 0 || !Character.isLetterOrDigit(s.charAt(k));
  }
}
