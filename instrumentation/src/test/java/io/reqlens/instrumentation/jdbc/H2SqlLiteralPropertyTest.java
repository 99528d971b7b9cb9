package io.reqlens.instrumentation.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The literal property against a real H2 (in memory, two databases in lockstep). */
class H2SqlLiteralPropertyTest extends AbstractSqlLiteralPropertyTest {

  @Override
  Connection[] connect() throws SQLException {
    return new Connection[] {
      DriverManager.getConnection("jdbc:h2:mem:literalstraced"),
      DriverManager.getConnection("jdbc:h2:mem:literalsplain")
    };
  }

  @Override
  SqlLiteralGenerator.Flavor flavor() {
    return SqlLiteralGenerator.Flavor.H2;
  }
}
