package io.reqlens.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuerySummaryTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // summary                       | operation     | collection
        "SELECT users                    | SELECT        | users",
        "SELECT reqlens.users            | SELECT        | reqlens.users",
        "SELECT                          | SELECT        | -",
        "SELECT users orders             | SELECT        | -",
        "SELECT users users              | SELECT        | -",
        "INSERT archive SELECT orders    | INSERT        | -",
        "BATCH INSERT orders             | BATCH INSERT  | orders",
        "BATCH                           | BATCH         | -",
        "CREATE TABLE users              | CREATE TABLE  | users",
        "DROP TABLE users                | DROP TABLE    | users",
        "CREATE INDEX                    | CREATE INDEX  | -",
        "CREATE INDEX users_name         | CREATE INDEX  | -",
        "TRUNCATE TABLE users            | TRUNCATE TABLE | users",
        "CALL refresh_totals             | CALL          | -",
        "get user by id                  | -             | -",
        "'  UPDATE   users  '            | UPDATE        | users",
      })
  void readsTheOperationAndTheOneTable(String summary, String operation, String collection) {
    QuerySummary parsed = QuerySummary.parse(summary);
    if (operation == null) {
      assertThat(parsed).isNull();
    } else {
      assertThat(parsed.operation()).isEqualTo(operation);
      assertThat(parsed.collection()).isEqualTo(collection);
    }
  }

  @ParameterizedTest(name = "{0} {1} batch={2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "SELECT, users, false, SELECT users",
        "SELECT, -, false, SELECT",
        "INSERT, orders, true, BATCH INSERT orders",
        "-, -, true, BATCH",
        "-, -, false, -",
        "CREATE TABLE, users, false, CREATE TABLE users",
      })
  void formatsWhatItReads(String operation, String collection, boolean batch, String summary) {
    assertThat(QuerySummary.format(operation, collection, batch)).isEqualTo(summary);
    if (summary != null) {
      QuerySummary parsed = QuerySummary.parse(summary);
      assertThat(parsed.operation())
          .isEqualTo(batch ? (operation == null ? "BATCH" : "BATCH " + operation) : operation);
      assertThat(parsed.collection()).isEqualTo(collection);
    }
  }
}
