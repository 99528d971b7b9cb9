package io.reqlens.exporters;

/**
 * Replaces every literal in a SQL statement with {@code ?} and drops comments, so no value can
 * reach a file even when the instrumentation did not sanitize (or sanitized for another dialect).
 *
 * <p>A single-pass tokenizer, not a parser. What becomes {@code ?}: {@code '...'} strings (with
 * {@code ''} and backslash escapes), prefixed strings ({@code E'..' X'..' B'..' N'..' U&'..'}, so
 * {@code DATE '2024-01-01'} becomes {@code DATE ?}), {@code "..."} (MySQL reads it as a string; the
 * price is that quoted identifiers are hidden too), dollar-quoted strings ({@code $$..$$}, {@code
 * $tag$..$tag$}), numbers ({@code 42 -1.5e3 .5}) and hex/binary numbers ({@code 0xAB}). What is
 * dropped: {@code --} and {@code #} line comments, {@code /* *\/} block comments (nested). What is
 * kept: identifiers, {@code `quoted`} identifiers, keywords, {@code TRUE FALSE NULL}, placeholders
 * ({@code ? $1 :name @var}), operators. Whitespace runs become one space and {@code IN (?, ?, ?)}
 * becomes {@code IN (?)}, so the same statement shape groups under one text.
 *
 * <p>When the tokenizer cannot know where a literal ends, it stops rather than guess: a plain
 * {@code '...'} string holding {@code \'} is read MySQL-style, but the output is cut after it (in
 * standard SQL the backslash is literal and the string would end earlier). Unterminated strings and
 * comments drop the rest of the statement. Output is capped at {@value #MAX_LENGTH} chars.
 */
final class SqlSanitizer {

  static final int MAX_LENGTH = 4096;

  private SqlSanitizer() {}

  /** Returns the sanitized statement, or {@code null} for {@code null}. */
  static String sanitize(String sql) {
    if (sql == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH) + 8);
    int i = 0;
    int n = sql.length();
    while (i < n && out.length() < MAX_LENGTH) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        space(out);
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = lineEnd(sql, i);
        space(out);
      } else if (c == '#'
          && !(i + 1 < n && isIdentStart(sql.charAt(i + 1)) || nextIs(sql, i, '#'))) {
        // MySQL line comment; "#tmp" and "##tmp" are SQL Server temp tables and stay.
        i = lineEnd(sql, i);
        space(out);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = blockCommentEnd(sql, i);
        space(out);
      } else if (c == '\'') {
        int end = SqlLiterals.quotedEnd(sql, i, '\'', true);
        out.append('?');
        if (end < 0) {
          break; // unterminated, or ambiguous backslash escape: stop rather than guess
        }
        i = end;
      } else if (c == '"') {
        int end = SqlLiterals.quotedEnd(sql, i, '"', true);
        out.append('?');
        if (end < 0) {
          break;
        }
        i = end;
      } else if (c == '`') {
        int end = SqlLiterals.quotedEnd(sql, i, '`', false);
        if (end < 0) {
          break;
        }
        out.append(sql, i, end);
        i = end;
      } else if (c == '$' && i + 1 < n && isDigit(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && isDigit(sql.charAt(end))) {
          end++;
        }
        out.append(sql, i, end); // positional parameter $1: not a literal
        i = end;
      } else if (c == '$') {
        int end = SqlLiterals.dollarQuotedEnd(sql, i);
        if (end == i) {
          out.append(c); // a lone '$' (or part of an operator): not a literal
          i++;
        } else {
          out.append('?');
          if (end < 0) {
            break;
          }
          i = end;
        }
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)))) {
        i = SqlLiterals.numberEnd(sql, i);
        out.append('?');
      } else if (isIdentStart(c)) {
        int end = identEnd(sql, i);
        int prefixed = SqlLiterals.prefixedStringEnd(sql, i, end);
        if (prefixed == SqlLiterals.NOT_A_STRING) {
          out.append(sql, i, end);
          i = end;
        } else {
          out.append('?');
          if (prefixed < 0) {
            break;
          }
          i = prefixed;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    int len = out.length();
    while (len > 0 && out.charAt(len - 1) == ' ') {
      len--;
    }
    out.setLength(Math.min(len, MAX_LENGTH));
    return InLists.collapse(out.toString());
  }

  private static boolean nextIs(String s, int i, char c) {
    return i + 1 < s.length() && s.charAt(i + 1) == c;
  }

  private static void space(StringBuilder out) {
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) != ' ') {
      out.append(' ');
    }
  }

  private static int lineEnd(String s, int i) {
    int nl = s.indexOf('\n', i);
    return nl < 0 ? s.length() : nl + 1;
  }

  /** Returns the index after the (possibly nested) block comment starting at {@code i}. */
  private static int blockCommentEnd(String s, int i) {
    int depth = 0;
    int n = s.length();
    while (i < n) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static int identEnd(String s, int i) {
    int n = s.length();
    i++;
    while (i < n) {
      char c = s.charAt(i);
      // '$' is left out on purpose: "SELECT$$secret$$" must not read as one identifier.
      if (Character.isLetterOrDigit(c) || c == '_') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }
}
