package io.reqlens.core.sql;

/**
 * How a database writes literals, as far as the sanitizer needs to know.
 *
 * <p>This class is internal and is hence not for public use. Its API is unstable and can change at
 * any time.
 */
public enum SqlDialect {
  /** {@code '…'} strings with {@code ''} escapes and {@code "…"} identifiers: H2, Oracle… */
  ANSI,
  /** ANSI plus {@code E'…'} strings with backslash escapes and {@code $tag$…$tag$} strings. */
  POSTGRESQL,
  /** Backslash escapes, {@code "…"} strings, {@code `…`} identifiers, {@code #} comments. */
  MYSQL,
  /** ANSI plus {@code […]} identifiers. */
  SQLSERVER,
  /** Not known: every reading above is applied and whatever any of them calls a literal goes. */
  UNKNOWN;

  /** The dialect for a {@code db.system.name} value. */
  public static SqlDialect forSystem(String dbSystemName) {
    if (dbSystemName == null) {
      return UNKNOWN;
    }
    switch (dbSystemName) {
      case "postgresql":
        return POSTGRESQL;
      case "mysql":
      case "mariadb":
        return MYSQL;
      case "microsoft.sql_server":
        return SQLSERVER;
      case "h2database":
      case "hsqldb":
      case "derby":
      case "oracle.db":
      case "ibm.db2":
        return ANSI;
      default:
        return UNKNOWN;
    }
  }
}
