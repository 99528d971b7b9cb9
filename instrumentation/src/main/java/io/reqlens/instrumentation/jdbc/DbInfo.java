package io.reqlens.instrumentation.jdbc;

import io.reqlens.core.sql.SqlDialect;
import io.reqlens.core.sql.SqlSanitizer;
import java.util.Locale;

/** What is known about one database: from its JDBC URL, once per DataSource or Connection. */
final class DbInfo {

  static final DbInfo UNKNOWN = new DbInfo("other_sql", null, null, null);

  private final String systemName;
  private final String namespace;
  private final String serverAddress;
  private final Integer serverPort;
  private final SqlSanitizer sanitizer;

  DbInfo(String systemName, String namespace, String serverAddress, Integer serverPort) {
    this.systemName = systemName;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverPort;
    this.sanitizer = SqlSanitizer.create(SqlDialect.forSystem(systemName));
  }

  /** Parses a JDBC URL; whatever cannot be read stays null, the system becomes other_sql. */
  static DbInfo fromUrl(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return UNKNOWN;
    }
    String rest = url.substring(5);
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String body = rest.substring(colon + 1);
    switch (subprotocol) {
      case "h2":
        return h2(body);
      case "postgresql":
        return hostBased("postgresql", body, 5432);
      case "mysql":
        return hostBased("mysql", body, 3306);
      case "mariadb":
        return hostBased("mariadb", body, 3306);
      case "db2":
        return hostBased("ibm.db2", body, 50000);
      case "sqlserver":
        return sqlServer(body);
      case "oracle":
        return oracle(body);
      case "hsqldb":
        return new DbInfo("hsqldb", afterLast(cutOptions(body), ':'), null, null);
      case "derby":
        return new DbInfo("derby", afterLast(cutOptions(body), ':'), null, null);
      case "sqlite":
        return new DbInfo("sqlite", cutOptions(body), null, null);
      default:
        return UNKNOWN;
    }
  }

  private static DbInfo h2(String body) {
    String target = cutOptions(body);
    if (target.startsWith("tcp://") || target.startsWith("ssl://")) {
      DbInfo remote = hostBased("h2database", target.substring(target.indexOf(':') + 1), 9092);
      String name = remote.namespace == null ? null : afterLast(remote.namespace, '/');
      return new DbInfo("h2database", name, remote.serverAddress, remote.serverPort);
    }
    for (String prefix : new String[] {"mem:", "file:", "zip:", "split:", "nio:", "async:"}) {
      if (target.startsWith(prefix)) {
        target = target.substring(prefix.length());
      }
    }
    String name = afterLast(afterLast(target, '/'), '\\');
    return new DbInfo("h2database", name.isEmpty() ? null : name, null, null);
  }

  /** {@code //host[:port][,more]/database[?…]} or {@code database}. */
  private static DbInfo hostBased(String system, String body, int defaultPort) {
    if (!body.startsWith("//")) {
      return new DbInfo(system, emptyToNull(cutOptions(body)), null, null);
    }
    String authorityAndPath = body.substring(2);
    int slash = authorityAndPath.indexOf('/');
    String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
    String path = slash < 0 ? "" : cutOptions(authorityAndPath.substring(slash + 1));
    int comma = authority.indexOf(',');
    if (comma >= 0) {
      authority = authority.substring(0, comma); // failover list: the first host
    }
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1); // never keep credentials
    }
    String host = authority;
    Integer port = defaultPort;
    int portColon = authority.lastIndexOf(':');
    if (portColon > authority.lastIndexOf(']')) {
      host = authority.substring(0, portColon);
      port = parsePort(authority.substring(portColon + 1), defaultPort);
    }
    return new DbInfo(system, emptyToNull(path), emptyToNull(host), port);
  }

  private static DbInfo sqlServer(String body) {
    String[] parts = body.split(";");
    DbInfo server = hostBased("microsoft.sql_server", parts[0], 1433);
    String database = null;
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].split("=", 2);
      if (kv.length == 2
          && (kv[0].equalsIgnoreCase("databaseName") || kv[0].equalsIgnoreCase("database"))) {
        database = kv[1];
      }
    }
    return new DbInfo(server.systemName, database, server.serverAddress, server.serverPort);
  }

  private static DbInfo oracle(String body) {
    int at = body.indexOf('@');
    if (at < 0) {
      return new DbInfo("oracle.db", null, null, null);
    }
    String target = body.substring(at + 1);
    if (target.startsWith("//")) {
      return hostBased("oracle.db", target, 1521);
    }
    String[] parts = target.split(":"); // host:port:sid
    if (parts.length == 3) {
      return new DbInfo("oracle.db", parts[2], parts[0], parsePort(parts[1], 1521));
    }
    return new DbInfo("oracle.db", null, null, null);
  }

  private static String cutOptions(String s) {
    int end = s.length();
    for (char c : new char[] {';', '?'}) {
      int i = s.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return s.substring(0, end);
  }

  private static String afterLast(String s, char c) {
    return s.substring(s.lastIndexOf(c) + 1);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Integer parsePort(String s, int defaultPort) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return defaultPort;
    }
  }

  String systemName() {
    return systemName;
  }

  String namespace() {
    return namespace;
  }

  String serverAddress() {
    return serverAddress;
  }

  Integer serverPort() {
    return serverPort;
  }

  SqlSanitizer sanitizer() {
    return sanitizer;
  }
}
