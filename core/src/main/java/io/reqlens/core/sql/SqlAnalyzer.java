package io.reqlens.core.sql;

import java.util.Locale;

/**
 * Finds {@code db.operation.name} and {@code db.collection.name} in the token stream of one
 * reading. Only identifiers ever reach the collection name, never a literal.
 *
 * <p>The collection is reported only when the statement is on a single table (semconv): a SELECT
 * with a join, a comma list or a subquery after FROM has none.
 */
final class SqlAnalyzer implements SqlLexer.Listener {

  private enum State {
    FIRST, // waiting for the first keyword
    CTE, // inside WITH …: waiting for the top-level statement keyword
    SEEK_FROM, // SELECT …: waiting for a top-level FROM
    SEEK_TABLE_KEYWORD, // CREATE/DROP/ALTER/TRUNCATE: waiting for TABLE
    EXPECT_NAME, // the next identifier is the table
    IN_NAME, // just read a name part
    AFTER_DOT, // a qualified name continues
    AFTER_SELECT_TABLE, // SELECT … FROM t: a join or comma cancels the name
    DONE
  }

  private static final String[] CLAUSES = {
    "WHERE",
    "GROUP",
    "ORDER",
    "HAVING",
    "LIMIT",
    "OFFSET",
    "FETCH",
    "UNION",
    "EXCEPT",
    "INTERSECT",
    "MINUS",
    "WINDOW",
    "FOR",
    "QUALIFY"
  };

  private State state = State.FIRST;
  private int depth;
  private int statementDepth;
  private String operation;
  private int operationStart;
  private int operationEnd;
  private StringBuilder collection;
  private int collectionStart;
  private int collectionEnd;

  String operation() {
    return operation;
  }

  String collection() {
    return collection == null || collection.length() == 0 ? null : collection.toString();
  }

  /** Where the operation keyword was read: {@code [start, end)}. */
  int operationStart() {
    return operationStart;
  }

  int operationEnd() {
    return operationEnd;
  }

  /** Where the collection name was read, quotes included: {@code [start, end)}. */
  int collectionStart() {
    return collectionStart;
  }

  int collectionEnd() {
    return collectionEnd;
  }

  @Override
  public void word(String sql, int start, int end) {
    switch (state) {
      case FIRST:
        String first = sql.substring(start, end).toUpperCase(Locale.ROOT);
        if (first.equals("WITH")) {
          state = State.CTE;
        } else {
          startStatement(first, start, end);
        }
        return;
      case CTE:
        if (depth == 0 && isStatementKeyword(sql, start, end)) {
          startStatement(sql.substring(start, end).toUpperCase(Locale.ROOT), start, end);
        }
        return;
      case SEEK_FROM:
        if (depth == statementDepth && is(sql, start, end, "FROM")) {
          state = State.EXPECT_NAME;
        }
        return;
      case SEEK_TABLE_KEYWORD:
        if (is(sql, start, end, "TABLE")) {
          operation = operation + " TABLE"; // CREATE TABLE, like the agent's query summary
          state = State.EXPECT_NAME;
        } else if (!isOneOf(
            sql,
            start,
            end,
            "TEMPORARY",
            "TEMP",
            "GLOBAL",
            "LOCAL",
            "MEMORY",
            "CACHED",
            "UNLOGGED",
            "OR",
            "REPLACE")) {
          state = State.DONE; // CREATE INDEX, DROP VIEW …: no collection
        }
        return;
      case EXPECT_NAME:
        if ("TRUNCATE".equals(operation) && is(sql, start, end, "TABLE")) {
          operation = "TRUNCATE TABLE";
        } else if (!isOneOf(
            sql,
            start,
            end,
            "INTO",
            "FROM",
            "ONLY",
            "IGNORE",
            "LOW_PRIORITY",
            "IF",
            "NOT",
            "EXISTS",
            "TABLE")) {
          namePart(sql, start, end);
        }
        return;
      case AFTER_DOT:
        namePart(sql, start, end);
        return;
      case IN_NAME:
      case AFTER_SELECT_TABLE:
        if (!"SELECT".equals(operation)) {
          state = State.DONE;
        } else if (depth != statementDepth) {
          return;
        } else if (is(sql, start, end, "JOIN")) {
          noCollection();
        } else if (isOneOf(sql, start, end, CLAUSES)) {
          state = State.DONE; // past FROM: commas from here on are not tables
        } else {
          state = State.AFTER_SELECT_TABLE;
        }
        return;
      default:
    }
  }

  @Override
  public void quotedIdentifier(String sql, int start, int end) {
    if (state == State.EXPECT_NAME || state == State.AFTER_DOT) {
      namePart(sql, start, end);
    } else if (state == State.FIRST) {
      state = State.DONE;
    } else if (state == State.IN_NAME) {
      state = "SELECT".equals(operation) ? State.AFTER_SELECT_TABLE : State.DONE;
    }
  }

  @Override
  public void punct(char c) {
    if (c == '(') {
      depth++;
      if (state == State.EXPECT_NAME || state == State.AFTER_DOT) {
        noCollection(); // FROM (subquery)
      } else if (state == State.IN_NAME) {
        state = State.DONE; // INSERT INTO t (columns)
      }
      return;
    }
    if (c == ')') {
      depth--;
    }
    if (state == State.IN_NAME && c == '.') {
      state = State.AFTER_DOT;
    } else if ((state == State.IN_NAME || state == State.AFTER_SELECT_TABLE)
        && "SELECT".equals(operation)) {
      if (c == ',' && depth == statementDepth) {
        noCollection();
      } else if (c == ';' || depth < statementDepth) {
        state = State.DONE;
      } else {
        state = State.AFTER_SELECT_TABLE;
      }
    } else if (state == State.IN_NAME || state == State.EXPECT_NAME || state == State.AFTER_DOT) {
      if (state != State.IN_NAME) {
        noCollection();
      }
      state = State.DONE;
    }
  }

  @Override
  public void hidden(int start, int end, boolean literal) {
    if (!literal) {
      return;
    }
    if (state == State.EXPECT_NAME || state == State.AFTER_DOT) {
      noCollection();
    } else if (state == State.IN_NAME) {
      state = "SELECT".equals(operation) ? State.AFTER_SELECT_TABLE : State.DONE;
    } else if (state == State.FIRST) {
      state = State.DONE;
    }
  }

  private void startStatement(String keyword, int start, int end) {
    operation = keyword;
    operationStart = start;
    operationEnd = end;
    statementDepth = depth;
    switch (keyword) {
      case "SELECT":
        state = State.SEEK_FROM;
        break;
      case "INSERT":
      case "REPLACE":
      case "UPSERT":
      case "UPDATE":
      case "DELETE":
      case "MERGE":
        state = State.EXPECT_NAME;
        break;
      case "CREATE":
      case "DROP":
      case "ALTER":
      case "TRUNCATE":
        state = State.SEEK_TABLE_KEYWORD;
        break;
      default:
        state = State.DONE;
    }
    if (keyword.equals("TRUNCATE")) {
      state = State.EXPECT_NAME; // TRUNCATE [TABLE] t
    }
  }

  private void namePart(String sql, int start, int end) {
    if (collection == null) {
      collection = new StringBuilder(end - start);
      collectionStart = start - 1; // a quote may open it
    } else if (state == State.AFTER_DOT) {
      collection.append('.');
    }
    collection.append(sql, start, end);
    collectionEnd = end + 1;
    state = State.IN_NAME;
  }

  private void noCollection() {
    collection = null;
    state = State.DONE;
  }

  private static boolean isStatementKeyword(String sql, int start, int end) {
    return isOneOf(sql, start, end, "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE");
  }

  private static boolean isOneOf(String sql, int start, int end, String... keywords) {
    for (String keyword : keywords) {
      if (is(sql, start, end, keyword)) {
        return true;
      }
    }
    return false;
  }

  private static boolean is(String sql, int start, int end, String keyword) {
    return end - start == keyword.length()
        && sql.regionMatches(true, start, keyword, 0, end - start);
  }
}
