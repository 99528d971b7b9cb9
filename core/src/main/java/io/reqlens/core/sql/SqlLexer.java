package io.reqlens.core.sql;

/**
 * One reading of a SQL text: finds literals and comments and reports the tokens between them.
 *
 * <p>A hand-written single pass rather than regular expressions: it is linear in the length of the
 * text, allocates nothing per token, and states exactly where every literal starts and ends, which
 * is what the no-literal-ever-leaks guarantee rests on. Anything unterminated (a string, a comment,
 * a dollar quote) runs to the end of the text, so a malformed statement is hidden rather than half
 * shown.
 */
final class SqlLexer {

  static final int BACKSLASH_ESCAPES = 1; // '\'' escapes a quote inside '…' (and "…" strings)
  static final int DOUBLE_QUOTED_STRINGS = 1 << 1; // "…" is a literal, not an identifier
  static final int DOLLAR_QUOTES = 1 << 2; // PostgreSQL $$…$$ and $tag$…$tag$
  static final int E_STRINGS = 1 << 3; // PostgreSQL E'…' with backslash escapes
  static final int BRACKET_IDENTIFIERS = 1 << 4; // SQL Server […]
  static final int HASH_COMMENTS = 1 << 5; // MySQL # to end of line
  static final int BACKTICK_IDENTIFIERS = 1 << 6; // MySQL `…`

  /** Receives the tokens of one reading, in order. Ranges are {@code [start, end)}. */
  interface Listener {
    void hidden(int start, int end, boolean literal);

    void word(String sql, int start, int end);

    void quotedIdentifier(String sql, int start, int end);

    void punct(char c);
  }

  private final int flags;
  private boolean sawBackslashInLiteral;

  SqlLexer(int flags) {
    this.flags = flags;
  }

  /** Whether a literal of the last scan held a backslash, so another reading may differ. */
  boolean sawBackslashInLiteral() {
    return sawBackslashInLiteral;
  }

  void scan(String s, Listener listener) {
    int n = s.length();
    int i = 0;
    boolean signIsUnary = true; // a +/- here belongs to the number after it
    while (i < n) {
      char c = s.charAt(i);
      char next = i + 1 < n ? s.charAt(i + 1) : 0;
      int end;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if ((c == '-' && next == '-') || (c == '#' && has(HASH_COMMENTS))) {
        end = lineEnd(s, i);
        listener.hidden(i, end, false);
      } else if (c == '/' && next == '*') {
        end = blockCommentEnd(s, i);
        listener.hidden(i, end, false);
      } else if (c == '\'') {
        end = quotedEnd(s, i + 1, '\'', has(BACKSLASH_ESCAPES));
        listener.hidden(i, end, true);
        signIsUnary = false;
      } else if (c == '"' && has(DOUBLE_QUOTED_STRINGS)) {
        end = quotedEnd(s, i + 1, '"', has(BACKSLASH_ESCAPES));
        listener.hidden(i, end, true);
        signIsUnary = false;
      } else if (c == '"' || (c == '`' && has(BACKTICK_IDENTIFIERS))) {
        end = quotedEnd(s, i + 1, c, false);
        listener.quotedIdentifier(s, i + 1, Math.max(i + 1, end - 1));
        signIsUnary = false;
      } else if (c == '[' && has(BRACKET_IDENTIFIERS)) {
        end = quotedEnd(s, i + 1, ']', false);
        listener.quotedIdentifier(s, i + 1, Math.max(i + 1, end - 1));
        signIsUnary = false;
      } else if ((c == '$' || c == ':') && isDigit(next)) {
        end = digitsEnd(s, i + 1); // positional parameter $1 / :1, not a literal
        listener.punct(c);
        signIsUnary = false;
      } else if (c == '$' && has(DOLLAR_QUOTES) && (end = dollarQuoteEnd(s, i)) > 0) {
        listener.hidden(i, end, true);
        signIsUnary = false;
      } else if (startsNumber(c, next)) {
        end = numberEnd(s, i);
        listener.hidden(i, end, true);
        signIsUnary = false;
      } else if ((c == '-' || c == '+') && signIsUnary && startsNumber(next, at(s, i + 2))) {
        end = numberEnd(s, i + 1);
        listener.hidden(i, end, true);
        signIsUnary = false;
      } else if (isIdentifierStart(c)) {
        end = wordEnd(s, i);
        if (has(E_STRINGS) && end == i + 1 && (c == 'E' || c == 'e') && at(s, end) == '\'') {
          end = quotedEnd(s, end + 1, '\'', true);
          listener.hidden(i, end, true);
        } else if (at(s, end) == '\'' && isLiteralPrefix(s, i, end)) {
          end = quotedEnd(s, end + 1, '\'', has(BACKSLASH_ESCAPES));
          listener.hidden(i, end, true); // N'…', X'…', B'…', _utf8'…': one literal
        } else {
          listener.word(s, i, end);
        }
        signIsUnary = false;
      } else {
        end = i + 1;
        listener.punct(c);
        signIsUnary = c != ')' && c != '?';
      }
      i = end;
    }
  }

  private boolean has(int flag) {
    return (flags & flag) != 0;
  }

  private static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean startsNumber(char c, char next) {
    return isDigit(c) || (c == '.' && isDigit(next));
  }

  static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isLiteralPrefix(String s, int start, int end) {
    if (end - start == 1) {
      char c = Character.toUpperCase(s.charAt(start));
      return c == 'N' || c == 'X' || c == 'B';
    }
    return s.charAt(start) == '_'; // MySQL character set introducer
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int wordEnd(String s, int i) {
    int j = i + 1;
    while (j < s.length() && isIdentifierPart(s.charAt(j))) {
      j++;
    }
    return j;
  }

  private static int digitsEnd(String s, int i) {
    int j = i;
    while (j < s.length() && (isDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    return j;
  }

  /** 0x1F, 12, 1_000, 1.5, .5, 1., 1e10, 1.5E-3 (and whatever letters/digits stick to them). */
  private static int numberEnd(String s, int i) {
    int n = s.length();
    if (s.charAt(i) == '0' && (at(s, i + 1) == 'x' || at(s, i + 1) == 'X')) {
      int j = i + 2;
      while (j < n && Character.digit(s.charAt(j), 16) >= 0) {
        j++;
      }
      return j;
    }
    int j = digitsEnd(s, i);
    if (at(s, j) == '.') {
      j = digitsEnd(s, j + 1);
    }
    char e = at(s, j);
    if (e == 'e' || e == 'E') {
      int k = j + 1;
      if (at(s, k) == '+' || at(s, k) == '-') {
        k++;
      }
      if (isDigit(at(s, k))) {
        j = digitsEnd(s, k);
      }
    }
    return j;
  }

  private static int lineEnd(String s, int i) {
    int j = i;
    while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
      j++;
    }
    return j;
  }

  /** Nested comments are honoured everywhere: hiding too much is safe, too little is not. */
  private static int blockCommentEnd(String s, int i) {
    int depth = 0;
    int j = i;
    int n = s.length();
    while (j < n) {
      if (s.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (s.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return n;
  }

  /** The index after the closing quote; a doubled quote is an escaped one. */
  private int quotedEnd(String s, int from, char quote, boolean backslashEscapes) {
    int n = s.length();
    int j = from;
    while (j < n) {
      char c = s.charAt(j);
      if (c == '\\' && quote != ']' && quote != '`') {
        sawBackslashInLiteral = true;
        if (backslashEscapes) {
          j += 2;
          continue;
        }
      }
      if (c == quote) {
        if (at(s, j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return n;
  }

  /** For $$…$$ or $tag$…$tag$ at {@code i}: the index after the closing tag, else -1. */
  private static int dollarQuoteEnd(String s, int i) {
    int j = i + 1;
    if (at(s, j) != '$') {
      if (!isIdentifierStart(at(s, j))) {
        return -1;
      }
      while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
        j++;
      }
      if (at(s, j) != '$') {
        return -1;
      }
    }
    String tag = s.substring(i, j + 1);
    int close = s.indexOf(tag, j + 1);
    return close < 0 ? s.length() : close + tag.length();
  }
}
