package io.reqlens.instrumentation.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The literal property against a real PostgreSQL (dollar quotes, E'' and U&'' strings, bytea),
 * found at {@code REQLENS_PG_URL} (or {@code -Dreqlens.pg.url}); skipped when none is reachable,
 * unless {@code REQLENS_REQUIRE_PG=1} (CI, after {@code .ci/start-postgres.sh}): then it fails.
 * {@code .ci/start-postgres.sh} starts one on loopback and prints its URL.
 */
class PostgresSqlLiteralPropertyTest extends AbstractSqlLiteralPropertyTest {

  @Override
  Connection[] connect() throws SQLException {
    String url = System.getProperty("reqlens.pg.url", System.getenv("REQLENS_PG_URL"));
    require(
        url != null && !url.isBlank(),
        "REQLENS_PG_URL is not set; start a server with: export REQLENS_PG_URL=\"$(bash "
            + ".ci/start-postgres.sh)\"");
    Connection traced;
    Connection plain;
    try {
      traced = DriverManager.getConnection(url);
      plain = DriverManager.getConnection(url);
    } catch (SQLException e) {
      require(false, "no PostgreSQL reachable at REQLENS_PG_URL=" + url + ": " + e);
      throw e;
    }
    schema(traced, "reqlens_literals_traced");
    schema(plain, "reqlens_literals_plain");
    return new Connection[] {traced, plain};
  }

  /** Skips when PostgreSQL is optional here, fails when CI requires it. */
  private static void require(boolean condition, String message) {
    if (!condition && "1".equals(System.getenv("REQLENS_REQUIRE_PG"))) {
      throw new AssertionError("REQLENS_REQUIRE_PG=1 but " + message);
    }
    assumeTrue(condition, message);
  }

  private static void schema(Connection connection, String name) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      st.execute("CREATE SCHEMA " + name);
      st.execute("SET search_path TO " + name);
    }
  }

  @Override
  SqlLiteralGenerator.Flavor flavor() {
    return SqlLiteralGenerator.Flavor.POSTGRESQL;
  }
}
