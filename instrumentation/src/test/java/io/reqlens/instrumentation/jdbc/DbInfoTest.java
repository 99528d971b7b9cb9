package io.reqlens.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DbInfoTest {

  private static void parses(
      String url, String system, String namespace, String host, Integer port) {
    DbInfo info = DbInfo.fromUrl(url);
    assertThat(info.systemName()).as(url).isEqualTo(system);
    assertThat(info.namespace()).as(url).isEqualTo(namespace);
    assertThat(info.serverAddress()).as(url).isEqualTo(host);
    assertThat(info.serverPort()).as(url).isEqualTo(port);
  }

  @Test
  void commonUrls() {
    parses("jdbc:h2:mem:testdb;DB_CLOSE_DELAY=-1", "h2database", "testdb", null, null);
    parses("jdbc:h2:file:/data/app", "h2database", "app", null, null);
    parses("jdbc:h2:tcp://db.local:9999/~/shop", "h2database", "shop", "db.local", 9999);
    parses(
        "jdbc:postgresql://127.0.0.1:55432/reqlens?user=postgres",
        "postgresql",
        "reqlens",
        "127.0.0.1",
        55432);
    parses("jdbc:postgresql://pg/app", "postgresql", "app", "pg", 5432);
    parses("jdbc:postgresql:app", "postgresql", "app", null, null);
    parses("jdbc:mysql://user:pw@my:3307/shop?ssl=true", "mysql", "shop", "my", 3307);
    parses("jdbc:mariadb://a,b/shop", "mariadb", "shop", "a", 3306);
    parses(
        "jdbc:sqlserver://ms:1444;databaseName=sales;encrypt=true",
        "microsoft.sql_server",
        "sales",
        "ms",
        1444);
    parses("jdbc:oracle:thin:@ora:1521:ORCL", "oracle.db", "ORCL", "ora", 1521);
    parses("jdbc:oracle:thin:@//ora:1522/svc", "oracle.db", "svc", "ora", 1522);
    parses("jdbc:hsqldb:mem:x", "hsqldb", "x", null, null);
    parses("jdbc:weird:thing", "other_sql", null, null, null);
    parses(null, "other_sql", null, null, null);
  }

  @Test
  void credentialsInTheUrlNeverBecomeAnAddress() {
    DbInfo info = DbInfo.fromUrl("jdbc:mysql://admin:s3cret@host:3306/db");
    assertThat(info.serverAddress()).isEqualTo("host");
  }
}
