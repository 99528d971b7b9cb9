package io.reqlens.core.sql;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code db.query.summary}, written and read in one place: the library instrumentation writes it
 * ({@link #format}) and the request events read the operation and the table back out of it ({@link
 * #parse}) when a span carries no {@code db.operation.name}/{@code db.collection.name}, as the Java
 * agent's spans do under the stable database conventions.
 *
 * <p>The shape (semconv): {@code [BATCH ]OPERATION[ TARGET]…}, repeated when a statement has
 * several operations: {@code SELECT users}, {@code BATCH INSERT orders}, {@code CREATE TABLE
 * users}, {@code SELECT users orders} (a join: two targets), {@code INSERT archive SELECT orders}.
 * The collection is read only when there is exactly one operation with exactly one target, as
 * semconv asks of {@code db.collection.name}; a summary that does not start with a known operation
 * keyword (a stored procedure's own name) yields nothing.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class QuerySummary {

  /** Operations whose target is a table. */
  private static final Set<String> TABLE_OPERATIONS =
      new HashSet<>(
          Arrays.asList("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT"));

  /** Operations followed by an object type ({@code CREATE TABLE}, {@code DROP INDEX}). */
  private static final Set<String> DDL = new HashSet<>(Arrays.asList("CREATE", "DROP", "ALTER"));

  /** Operations without a table ({@code CALL proc}, {@code TRUNCATE TABLE t} aside). */
  private static final Set<String> OTHER_OPERATIONS =
      new HashSet<>(Arrays.asList("CALL", "EXEC", "EXECUTE", "TRUNCATE", "WITH"));

  private static final String BATCH = "BATCH";

  private final String operation;
  private final String collection;

  private QuerySummary(String operation, String collection) {
    this.operation = operation;
    this.collection = collection;
  }

  /**
   * The summary of one statement (or of a batch of one statement shape): {@code operation}, then
   * {@code collection} when known, prefixed by {@code BATCH} for a batch. Null without an operation
   * (a batch without one is {@code BATCH}).
   */
  public static String format(String operation, String collection, boolean batch) {
    String summary =
        operation == null ? null : collection == null ? operation : operation + " " + collection;
    if (batch) {
      return summary == null ? BATCH : BATCH + " " + summary;
    }
    return summary;
  }

  /** Reads a summary; never throws. Null when {@code summary} is null or names no operation. */
  public static QuerySummary parse(String summary) {
    if (summary == null) {
      return null;
    }
    String[] words = summary.trim().split("\\s+");
    int i = 0;
    StringBuilder operation = new StringBuilder();
    if (words[0].equals(BATCH)) {
      operation.append(BATCH);
      i++;
      if (i == words.length) {
        return new QuerySummary(BATCH, null);
      }
    }
    String keyword = words[i];
    boolean table;
    if (TABLE_OPERATIONS.contains(keyword) || OTHER_OPERATIONS.contains(keyword)) {
      table = TABLE_OPERATIONS.contains(keyword);
      append(operation, keyword);
      i++;
    } else if (DDL.contains(keyword) && i + 1 < words.length) {
      table = words[i + 1].equals("TABLE");
      append(operation, keyword + " " + words[i + 1]);
      i += 2;
    } else {
      return null;
    }
    if ("TRUNCATE".equals(keyword) && i < words.length && words[i].equals("TABLE")) {
      append(operation, "TABLE");
      table = true;
      i++;
    }
    // Exactly one target and nothing after it: otherwise several tables or operations.
    String collection = table && words.length - i == 1 ? words[i] : null;
    return new QuerySummary(operation.toString(), collection);
  }

  private static void append(StringBuilder operation, String word) {
    if (operation.length() > 0) {
      operation.append(' ');
    }
    operation.append(word);
  }

  /** {@code SELECT}, {@code BATCH INSERT}, {@code CREATE TABLE}. */
  public String operation() {
    return operation;
  }

  /** The one table, or null. */
  public String collection() {
    return collection;
  }

  @Override
  public String toString() {
    return "QuerySummary{" + operation + " " + collection + "}";
  }
}
