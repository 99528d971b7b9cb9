package io.reqlens.core.sql;

import java.util.BitSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces every literal of a SQL statement with {@code ?} and drops its comments.
 *
 * <p>Why several readings? Whether {@code \'} ends a string, whether {@code "…"} is a string and
 * whether {@code $$} opens one depends on the database and even on its settings (PostgreSQL's
 * {@code standard_conforming_strings}, MySQL's {@code NO_BACKSLASH_ESCAPES}). A reading that
 * guesses wrong can take the end of one string for the start of the next and print the literal in
 * between. So the text is read once the dialect's way, and again every other plausible way when it
 * matters (a backslash inside a literal, or an unknown database); whatever any reading calls a
 * literal or a comment is hidden. Hiding too much costs a less readable query text; hiding too
 * little leaks a secret.
 *
 * <p>This class is internal and is hence not for public use. Its API is unstable and can change at
 * any time.
 */
public final class SqlSanitizer {

  /** Entries kept for prepared statements; beyond it the cache is dropped and starts again. */
  static final int MAX_CACHED = 1024;

  /** Longer statements are not cached: they are rarely repeated and would pin memory. */
  static final int MAX_CACHED_LENGTH = 8192;

  private static final int MYSQL =
      SqlLexer.BACKSLASH_ESCAPES
          | SqlLexer.DOUBLE_QUOTED_STRINGS
          | SqlLexer.HASH_COMMENTS
          | SqlLexer.BACKTICK_IDENTIFIERS;
  private static final int POSTGRESQL = SqlLexer.DOLLAR_QUOTES | SqlLexer.E_STRINGS;

  private final SqlDialect dialect;
  private final int[] readings;
  private final int backslashReading;
  // Why a map cleared when full instead of an LRU? Prepared-statement texts are few and stable;
  // a full map means literals are being concatenated into them, where no cache helps.
  private final ConcurrentHashMap<String, SanitizedSql> cache = new ConcurrentHashMap<>();

  private SqlSanitizer(SqlDialect dialect, int[] readings, int backslashReading) {
    this.dialect = dialect;
    this.readings = readings;
    this.backslashReading = backslashReading;
  }

  /** A sanitizer for statements of the given dialect. */
  public static SqlSanitizer create(SqlDialect dialect) {
    switch (dialect) {
      case ANSI:
        return new SqlSanitizer(dialect, new int[] {0}, SqlLexer.BACKSLASH_ESCAPES);
      case POSTGRESQL:
        return new SqlSanitizer(
            dialect, new int[] {POSTGRESQL}, POSTGRESQL | SqlLexer.BACKSLASH_ESCAPES);
      case MYSQL:
        return new SqlSanitizer(dialect, new int[] {MYSQL}, MYSQL & ~SqlLexer.BACKSLASH_ESCAPES);
      case SQLSERVER:
        return new SqlSanitizer(
            dialect,
            new int[] {SqlLexer.BRACKET_IDENTIFIERS},
            SqlLexer.BRACKET_IDENTIFIERS | SqlLexer.BACKSLASH_ESCAPES);
      default:
        int everything = POSTGRESQL | SqlLexer.DOUBLE_QUOTED_STRINGS | SqlLexer.HASH_COMMENTS;
        return new SqlSanitizer(
            dialect, new int[] {0, everything, MYSQL}, everything | SqlLexer.BACKSLASH_ESCAPES);
    }
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /** Sanitizes {@code sql}, remembering the result: for prepared statements, which repeat. */
  public SanitizedSql sanitizeCached(String sql) {
    if (sql.length() > MAX_CACHED_LENGTH) {
      return sanitize(sql);
    }
    SanitizedSql cached = cache.get(sql);
    if (cached == null) {
      cached = sanitize(sql);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(sql, cached);
    }
    return cached;
  }

  /** Sanitizes {@code sql}; never throws for any input text. */
  public SanitizedSql sanitize(String sql) {
    Hidden hidden = new Hidden(sql.length());
    SqlAnalyzer analyzer = new SqlAnalyzer();
    SqlLexer primary = new SqlLexer(readings[0]);
    primary.scan(sql, new Tee(hidden, analyzer));
    for (int i = 1; i < readings.length; i++) {
      new SqlLexer(readings[i]).scan(sql, hidden);
    }
    if (primary.sawBackslashInLiteral()) {
      new SqlLexer(backslashReading).scan(sql, hidden);
    }
    String operation = analyzer.operation();
    if (operation != null && hidden.any(analyzer.operationStart(), analyzer.operationEnd())) {
      operation = null;
    }
    String collection = analyzer.collection();
    if (collection != null && hidden.any(analyzer.collectionStart(), analyzer.collectionEnd())) {
      collection = null; // another reading calls part of the name a literal
    }
    return new SanitizedSql(hidden.render(sql), operation, collection);
  }

  @Override
  public String toString() {
    return "SqlSanitizer{" + dialect + "}";
  }

  /** The union of what the readings hide. */
  private static final class Hidden implements SqlLexer.Listener {
    private final BitSet literal;
    private final BitSet comment;
    private final int length;

    Hidden(int length) {
      this.length = length;
      this.literal = new BitSet(length);
      this.comment = new BitSet(length);
    }

    @Override
    public void hidden(int start, int end, boolean isLiteral) {
      (isLiteral ? literal : comment).set(start, end);
    }

    @Override
    public void word(String sql, int start, int end) {}

    @Override
    public void quotedIdentifier(String sql, int start, int end) {}

    @Override
    public void punct(char c) {}

    boolean any(int start, int end) {
      int from = Math.max(0, start);
      int to = Math.min(length, end);
      int l = literal.nextSetBit(from);
      int c = comment.nextSetBit(from);
      return (l >= 0 && l < to) || (c >= 0 && c < to);
    }

    String render(String sql) {
      BitSet all = (BitSet) literal.clone();
      all.or(comment);
      StringBuilder out = new StringBuilder(sql.length());
      int i = 0;
      while (i < length) {
        int start = all.nextSetBit(i);
        if (start < 0) {
          out.append(sql, i, length);
          break;
        }
        out.append(sql, i, start);
        int end = all.nextClearBit(start);
        int firstLiteral = literal.nextSetBit(start);
        if (firstLiteral >= 0 && firstLiteral < end) {
          out.append('?');
        } else if (out.length() == 0 || Character.isWhitespace(out.charAt(out.length() - 1))) {
          while (end < length && !all.get(end) && Character.isWhitespace(sql.charAt(end))) {
            end++; // the comment's surrounding blanks collapse into the one already written
          }
        } else if (end < length && !Character.isWhitespace(sql.charAt(end))) {
          out.append(' '); // a comment between two tokens still separates them
        }
        i = end;
      }
      return out.toString().trim();
    }
  }

  /** Feeds one reading to both the hidden-range union and the analyzer. */
  private static final class Tee implements SqlLexer.Listener {
    private final SqlLexer.Listener first;
    private final SqlLexer.Listener second;

    Tee(SqlLexer.Listener first, SqlLexer.Listener second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void hidden(int start, int end, boolean literal) {
      first.hidden(start, end, literal);
      second.hidden(start, end, literal);
    }

    @Override
    public void word(String sql, int start, int end) {
      second.word(sql, start, end);
    }

    @Override
    public void quotedIdentifier(String sql, int start, int end) {
      second.quotedIdentifier(sql, start, end);
    }

    @Override
    public void punct(char c) {
      second.punct(c);
    }
  }
}
