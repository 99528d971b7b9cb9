package io.reqlens.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlSanitizerTest {

  private static String text(SqlDialect dialect, String sql) {
    return SqlSanitizer.create(dialect).sanitize(sql).queryText();
  }

  private static void ansi(String sql, String expected) {
    assertThat(text(SqlDialect.ANSI, sql)).as(sql).isEqualTo(expected);
  }

  private static void pg(String sql, String expected) {
    assertThat(text(SqlDialect.POSTGRESQL, sql)).as(sql).isEqualTo(expected);
  }

  private static void op(String sql, String operation, String collection) {
    SanitizedSql result = SqlSanitizer.create(SqlDialect.ANSI).sanitize(sql);
    assertThat(result.operationName()).as(sql).isEqualTo(operation);
    assertThat(result.collectionName()).as(sql).isEqualTo(collection);
  }

  @Test
  void stringsAndNumbers() {
    ansi("SELECT * FROM users WHERE name = 'bob'", "SELECT * FROM users WHERE name = ?");
    ansi("SELECT * FROM t WHERE a = 'it''s' AND b = 'x'", "SELECT * FROM t WHERE a = ? AND b = ?");
    ansi("SELECT 1", "SELECT ?");
    ansi("SELECT a FROM t WHERE a = -12.5e-3", "SELECT a FROM t WHERE a = ?");
    ansi("SELECT a FROM t WHERE a=+.5", "SELECT a FROM t WHERE a=?");
    ansi("SELECT a - 5 FROM t", "SELECT a - ? FROM t");
    ansi("SELECT 1.e5, 1E+10, 1_000", "SELECT ?, ?, ?");
    ansi("SELECT x'DEADBEEF', 0xCAFE, X'00', N'naïve ünïcödé'", "SELECT ?, ?, ?, ?");
    ansi("SELECT a FROM t1 WHERE t1.c2 IN (1, 2, 3)", "SELECT a FROM t1 WHERE t1.c2 IN (?, ?, ?)");
    ansi("SELECT DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05'", "SELECT DATE ?, TIMESTAMP ?");
    ansi("SELECT \"Col 1\" FROM \"My Table\"", "SELECT \"Col 1\" FROM \"My Table\"");
  }

  @Test
  void placeholdersStay() {
    ansi(
        "SELECT a FROM t WHERE a = ? AND b = :name AND c = $1 AND d = :2",
        "SELECT a FROM t WHERE a = ? AND b = :name AND c = $1 AND d = :2");
  }

  @Test
  void commentsGo() {
    ansi("SELECT /* secret */ a -- secret\nFROM t", "SELECT a FROM t");
    ansi("SELECT a/* x */FROM t", "SELECT a FROM t");
    ansi("SELECT /* a /* nested */ secret */ 1", "SELECT ?");
    ansi("/* lead */ SELECT 1", "SELECT ?");
  }

  @Test
  void unterminatedRunsToTheEnd() {
    ansi("SELECT 'unterminated secret", "SELECT ?");
    ansi("SELECT 1 /* unterminated secret", "SELECT ?");
    pg("SELECT $x$ unterminated secret", "SELECT ?");
  }

  @Test
  void postgresql() {
    pg("SELECT $$it's a secret$$", "SELECT ?");
    pg("SELECT $tag$ $$ 'x' $tag$, 'y'", "SELECT ?, ?");
    pg("SELECT E'a\\'b', 'c'", "SELECT ?, ?");
    pg("SELECT '1'::int, a[3] FROM t", "SELECT ?::int, a[?] FROM t");
    pg("SELECT U&'d\\0061t' UESCAPE '!'", "SELECT U&? UESCAPE ?");
    pg("SELECT a FROM t WHERE b = $1", "SELECT a FROM t WHERE b = $1");
    assertThat(text(SqlDialect.POSTGRESQL, "SELECT e'\\\\', 'secret'")).doesNotContain("secret");
  }

  @Test
  void mysql() {
    assertThat(text(SqlDialect.MYSQL, "SELECT 'a''b', \"c\" FROM `t` # secret"))
        .isEqualTo("SELECT ?, ? FROM `t`");
    assertThat(text(SqlDialect.MYSQL, "SELECT 'a\\'b', 'secret' FROM t")).doesNotContain("secret");
    assertThat(text(SqlDialect.MYSQL, "SELECT _utf8mb4'secret'")).isEqualTo("SELECT ?");
  }

  @Test
  void ambiguousTextsAreHiddenUnderEveryReading() {
    // ANSI reads 'a\' then , then 'secret'; MySQL reads 'a\' , ' then secret: neither may leak.
    for (SqlDialect dialect : SqlDialect.values()) {
      assertThat(text(dialect, "SELECT 'a\\' , 'secret'"))
          .as(dialect.name())
          .doesNotContain("secret");
      assertThat(text(dialect, "SELECT 'a\\' , 'x', secret, 'y'"))
          .as(dialect.name())
          .doesNotContain("secret");
    }
    assertThat(text(SqlDialect.UNKNOWN, "SELECT \"maybe a string\", $$x$$"))
        .isEqualTo("SELECT ?, ?");
  }

  @Test
  void operationAndCollection() {
    op("SELECT * FROM users WHERE id = 1", "SELECT", "users");
    op("select a from public.users u where u.id = 1 order by a, b", "SELECT", "public.users");
    op("SELECT * FROM a, b", "SELECT", null);
    op("SELECT * FROM a JOIN b ON a.id = b.id", "SELECT", null);
    op("SELECT * FROM (SELECT 1) x", "SELECT", null);
    op("SELECT 1", "SELECT", null);
    op("INSERT INTO orders (id) VALUES (1)", "INSERT", "orders");
    op("UPDATE \"Orders\" SET a = 1", "UPDATE", "Orders");
    op("DELETE FROM sch.items WHERE 1 = 1", "DELETE", "sch.items");
    op("MERGE INTO t USING u ON (1 = 1)", "MERGE", "t");
    op("CREATE TABLE IF NOT EXISTS t2 (id INT)", "CREATE TABLE", "t2");
    op("CREATE CACHED TABLE t4 (id INT)", "CREATE TABLE", "t4");
    op("TRUNCATE TABLE t5", "TRUNCATE TABLE", "t5");
    op("CREATE INDEX i ON t (a)", "CREATE", null);
    op("DROP TABLE t3", "DROP TABLE", "t3");
    op("WITH x AS (SELECT 1 FROM y) SELECT * FROM x", "SELECT", "x");
    op("(SELECT a FROM t)", "SELECT", "t");
    op("{call proc(?)}", "CALL", null);
    op("SELECT * FROM t WHERE a IN (SELECT b FROM u, v)", "SELECT", "t");
    op("'x' SELECT", null, null);
  }

  @Test
  void cacheIsBounded() {
    SqlSanitizer sanitizer = SqlSanitizer.create(SqlDialect.ANSI);
    for (int i = 0; i < SqlSanitizer.MAX_CACHED * 3; i++) {
      assertThat(sanitizer.sanitizeCached("SELECT " + i).queryText()).isEqualTo("SELECT ?");
    }
    SanitizedSql first = sanitizer.sanitizeCached("SELECT a FROM t WHERE b = ?");
    assertThat(sanitizer.sanitizeCached("SELECT a FROM t WHERE b = ?")).isSameAs(first);
  }
}
