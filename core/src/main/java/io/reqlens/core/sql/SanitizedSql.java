package io.reqlens.core.sql;

/**
 * A statement with every literal replaced by {@code ?} and comments removed, plus what it does.
 *
 * <p>This class is internal and is hence not for public use. Its API is unstable and can change at
 * any time.
 */
public final class SanitizedSql {

  private final String queryText;
  private final String operationName;
  private final String collectionName;

  SanitizedSql(String queryText, String operationName, String collectionName) {
    this.queryText = queryText;
    this.operationName = operationName;
    this.collectionName = collectionName;
  }

  /** The statement without literals or comments: {@code db.query.text}. */
  public String queryText() {
    return queryText;
  }

  /** The statement's keyword in upper case ({@code SELECT}), or null: {@code db.operation.name}. */
  public String operationName() {
    return operationName;
  }

  /** The single table the statement is on, or null: {@code db.collection.name}. */
  public String collectionName() {
    return collectionName;
  }

  @Override
  public String toString() {
    return "SanitizedSql{" + operationName + " " + collectionName + ": " + queryText + "}";
  }
}
