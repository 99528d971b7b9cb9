package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exporters' SQL pipeline: the shared sanitizer, then whitespace and IN-list normalization. */
class SanitizedQueriesTest {

  private final SanitizedQueries queries = new SanitizedQueries();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "SELECT * FROM t WHERE a = 'x' AND b = 42 | SELECT * FROM t WHERE a = ? AND b = ?",
        "select * from t where a='it''s' | select * from t where a=?",
        "SELECT 'C:\\\\' , 'pw' | SELECT ? , ?",
        "SELECT * FROM t WHERE id IN (1, 2, 3) | SELECT * FROM t WHERE id IN (?)",
        "SELECT * FROM t WHERE id in ('a','b') | SELECT * FROM t WHERE id in (?)",
        "SELECT * FROM t WHERE id IN (?, ?, ?) | SELECT * FROM t WHERE id IN (?)",
        "SELECT a FROM t -- secret comment\\nWHERE b = 1 | SELECT a FROM t WHERE b = ?",
        "SELECT /* secret /* nested */ still */ a FROM t | SELECT a FROM t",
        "SELECT a FROM t # secret | SELECT a FROM t",
        // Unknown database: # may start a MySQL comment, so the rest is hidden (see the SQL Server
        // case).
        "SELECT * FROM #tmp | SELECT * FROM",
        "SELECT $$secret$$, $tag$more 'secret'$tag$ | SELECT ?, ?",
        "SELECT * FROM t WHERE a = $1 AND b = :name AND c = ? | SELECT * FROM t WHERE a = $1 AND b"
            + " = :name AND c = ?",
        "SELECT 0xDEADBEEF, X'abcd', x'00', B'0101', N'naïve', E'it\\'s' | SELECT ?, ?, ?, ?, ?, ?",
        "SELECT U&'d\\0061t' FROM t | SELECT U&? FROM t",
        "SELECT * FROM t WHERE d > DATE '2024-01-01' AND ts < TIMESTAMP '2024-01-01 10:00' | SELECT"
            + " * FROM t WHERE d > DATE ? AND ts < TIMESTAMP ?",
        "SELECT 1.5, .5, 1e10, 2.5E-3, -7 | SELECT ?, ?, ?, ?, ?",
        "SELECT t1.col2, `my col` FROM t1 | SELECT t1.col2, `my col` FROM t1",
        "SELECT \"secret\" FROM t | SELECT ? FROM t",
        "UPDATE t SET flag = TRUE, x = NULL WHERE y = false | UPDATE t SET flag = TRUE, x = NULL"
            + " WHERE y = false",
        "SELECT   a,\\n\\t b   FROM t   | SELECT a, b FROM t",
        "INSERT INTO t (a, b) VALUES ('x', 2), ('y', 3) | INSERT INTO t (a, b) VALUES (?, ?), (?,"
            + " ?)",
        "SELECT 'unterminated secret | SELECT ?",
        "SELECT a FROM t WHERE b = 'x\\' OR c = 'secret' | SELECT a FROM t WHERE b = ?",
        "SELECT _utf8mb4'secret' | SELECT ?",
        "SELECT 12abc FROM t | SELECT ?abc FROM t",
      })
  void replacesLiteralsAndDropsComments(String sql, String expected) {
    assertThat(queries.sanitize(sql.replace("\\n", "\n").replace("\\t", "\t"))).isEqualTo(expected);
  }

  @Test
  void keepsSqlServerTempTablesWhenTheDatabaseIsKnown() {
    assertThat(queries.sanitize("microsoft.sql_server", "SELECT * FROM #tmp WHERE a = 'x'"))
        .isEqualTo("SELECT * FROM #tmp WHERE a = ?");
  }

  @Test
  void nullStaysNullAndLongInputIsCapped() {
    assertThat(queries.sanitize(null)).isNull();
    StringBuilder sb = new StringBuilder("SELECT a FROM t WHERE x IN (");
    for (int i = 0; i < 10_000; i++) {
      sb.append(i).append(',');
    }
    sb.append("0)");
    assertThat(queries.sanitize(sb.toString()))
        .hasSizeLessThanOrEqualTo(SanitizedQueries.MAX_LENGTH)
        .doesNotContainPattern("[0-9]");
  }

  /** Random statements with a marker literal: the marker must never survive, whatever the mix. */
  @Test
  void noLiteralSurvivesRandomMixes() {
    String[] parts = {
      "SELECT",
      "a",
      ",",
      "FROM",
      "t",
      "WHERE",
      "=",
      "(",
      ")",
      " ",
      "\n",
      "'SECRET'",
      "'SE''CRET'",
      "\"SECRET\"",
      "$$SECRET$$",
      "$q$SECRET$q$",
      "-- SECRET\n",
      "/* SECRET */",
      "# SECRET\n",
      "X'5EC7'",
      "E'SE\\'CRET'",
      "4242",
      "42.42",
      "0x4242",
      "'SE\\\\'",
      "IN",
      "?",
      "$1",
      "`col`",
      "'SE\\'CRET'",
      "N'SECRET'",
      "DATE",
      "'2042-04-02'",
    };
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sql = new StringBuilder();
      int n = 1 + random.nextInt(15);
      for (int j = 0; j < n; j++) {
        String part = parts[random.nextInt(parts.length)];
        if (Character.isDigit(part.charAt(0)) || part.charAt(0) == '$') {
          // "FROM4242" and "SELECT$$x$$" are identifiers, not literals, in every database
          // ($ is an identifier character after the first one).
          sql.append(' ');
        }
        sql.append(part).append(random.nextBoolean() ? " " : "");
      }
      String out = queries.sanitize(sql.toString());
      assertThat(out)
          .as(sql.toString())
          .doesNotContain("SECRET")
          .doesNotContain("CRET")
          .doesNotContain("42")
          .doesNotContain("5EC7");
    }
  }
}
