package io.reqlens.instrumentation.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random statements full of literals for the property tests. Every literal carries a "marker"
 * (letters, a digit run of six or more, a date or a hex string) that must never show up in a span;
 * six-digit runs cannot be confused with stack-trace line numbers.
 */
final class SqlLiteralGenerator {

  enum Flavor {
    H2,
    POSTGRESQL
  }

  enum Kind {
    PLAIN,
    PREPARED,
    BATCH
  }

  /** One generated execution. */
  record Generated(Kind kind, List<String> sql, long parameter, List<String> markers) {
    String text() {
      return String.join("; ", sql);
    }
  }

  static final String TABLE = "t_items";

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String[] UNICODE = {"é", "日本語", "Ω", "🎉", "ß", "עברית", "ñ"};

  private final Random random;
  private final Flavor flavor;
  private final List<String> markers = new ArrayList<>();
  private long nextId = 1;

  SqlLiteralGenerator(long seed, Flavor flavor) {
    this.random = new Random(seed);
    this.flavor = flavor;
  }

  static String createTable(Flavor flavor) {
    String binary = flavor == Flavor.H2 ? "VARBINARY(64)" : "BYTEA";
    return "CREATE TABLE "
        + TABLE
        + " (id BIGINT PRIMARY KEY, name VARCHAR(400), "
        + "price DECIMAL(30,6), qty DOUBLE PRECISION, created DATE, data "
        + binary
        + ", note VARCHAR(400))";
  }

  Generated next() {
    markers.clear();
    int choice = random.nextInt(12);
    switch (choice) {
      case 0:
        return plain(insert(nextId++));
      case 1:
        return plain(
            comment()
                + "SELECT id, name FROM "
                + TABLE
                + " WHERE name = "
                + string()
                + " OR price = "
                + number()
                + " OR id IN ("
                + number()
                + ", "
                + (nextId / 2)
                + ", "
                + number()
                + ") ORDER BY id");
      case 2:
        return plain(
            "SELECT COUNT(*) FROM "
                + TABLE
                + " WHERE created BETWEEN "
                + date()
                + " AND "
                + date()
                + " AND note LIKE "
                + string());
      case 3:
        return plain(
            "UPDATE "
                + TABLE
                + " SET note = "
                + string()
                + ", qty = "
                + exponent()
                + " WHERE id = "
                + randomId()
                + " "
                + comment());
      case 4:
        return plain(
            "DELETE FROM " + TABLE + " WHERE price < -" + decimal() + " AND name <> " + string());
      case 5:
        return plain(
            "SELECT " + string() + " AS a, " + number() + " AS b, " + binary() + " AS c "
                + comment());
      case 6:
        return plain(insert(Math.max(1, randomId()))); // often a duplicate key
      case 7:
        return plain("SELECT * FROM missing_table WHERE x = " + string());
      case 8:
        return new Generated(
            Kind.PREPARED,
            List.of("SELECT name FROM " + TABLE + " WHERE id = ? AND note <> " + string()),
            randomId(),
            List.copyOf(markers));
      case 9:
        List<String> batch = new ArrayList<>();
        for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
          batch.add(insert(nextId++));
        }
        return new Generated(Kind.BATCH, batch, 0, List.copyOf(markers));
      case 10:
        return plain("SELECT " + string() + " FROM WHERE " + number()); // a syntax error
      default:
        return plain(
            "SELECT id FROM "
                + TABLE
                + " WHERE name IN ("
                + string()
                + ", "
                + string()
                + ", "
                + string()
                + ") AND qty <> "
                + exponent());
    }
  }

  private Generated plain(String sql) {
    return new Generated(Kind.PLAIN, List.of(sql), 0, List.copyOf(markers));
  }

  private long randomId() {
    return 1 + (long) random.nextInt((int) Math.max(1, nextId));
  }

  private String insert(long id) {
    return "INSERT INTO "
        + TABLE
        + " (id, name, price, qty, created, data, note) VALUES ("
        + id
        + ", "
        + string()
        + ", "
        + (random.nextBoolean() ? "-" : "")
        + decimal()
        + ", "
        + exponent()
        + ", "
        + date()
        + ", "
        + binary()
        + ", "
        + string()
        + ")";
  }

  private String marker() {
    StringBuilder m = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      m.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    markers.add(m.toString());
    return m.toString();
  }

  private String digits(int min, int max) {
    int n = min + random.nextInt(max - min + 1);
    StringBuilder d = new StringBuilder().append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < n; i++) {
      d.append((char) ('0' + random.nextInt(10)));
    }
    markers.add(d.toString());
    return d.toString();
  }

  /** A string literal: quotes inside, unicode, backslashes, prefixes, dialect quoting. */
  String string() {
    String m = marker();
    String u = UNICODE[random.nextInt(UNICODE.length)];
    int variants = flavor == Flavor.POSTGRESQL ? 10 : 6;
    switch (random.nextInt(variants)) {
      case 0:
        return "'" + m + "'";
      case 1:
        return "'it''s " + m + " ''quoted'''";
      case 2:
        return "'" + u + " " + m + " " + u + "'";
      case 3:
        return "'back\\slash " + m + "\\'"; // a backslash is an ordinary character here
      case 4:
        return "N'" + m + u + "'";
      case 5:
        return "'" + m + "--not a comment /* nor this */'";
      case 6:
        return "$$dollar's " + m + "$$";
      case 7:
        return "$tag$ $$ 'inner' " + m + " $tag$";
      case 8:
        return "E'escaped \\' quote " + m + " \\\\'";
      default:
        return "U&'" + m + "'";
    }
  }

  /** An integer, a decimal, a leading-dot decimal, an exponent or (H2) a 0x hex number. */
  String number() {
    String sign = random.nextInt(3) == 0 ? "-" : "";
    switch (random.nextInt(flavor == Flavor.H2 ? 5 : 4)) {
      case 0:
        return sign + digits(6, 9);
      case 1:
        return sign + decimal();
      case 2:
        return sign + "." + digits(6, 8);
      case 3:
        return sign + exponent();
      default:
        return "0x" + hex(10, 14);
    }
  }

  private String decimal() {
    return digits(6, 9) + "." + digits(6, 6);
  }

  private String exponent() {
    return (char) ('1' + random.nextInt(9))
        + "."
        + digits(6, 8)
        + (random.nextBoolean() ? "E" : "e")
        + (random.nextBoolean() ? "-" : "+")
        + random.nextInt(10);
  }

  private String date() {
    String d =
        String.format(
            "%04d-%02d-%02d",
            1000 + random.nextInt(1900), 1 + random.nextInt(12), 1 + random.nextInt(28));
    markers.add(d);
    return "DATE '" + d + "'";
  }

  private String hex(int min, int max) {
    int n = min + random.nextInt(max - min + 1);
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < n; i++) {
      h.append("0123456789ABCDEF".charAt(random.nextInt(16)));
    }
    markers.add(h.toString());
    return h.toString();
  }

  private String binary() {
    String h = hex(6, 10);
    if (h.length() % 2 != 0) {
      h = h + "A";
      markers.set(markers.size() - 1, h);
    }
    return flavor == Flavor.H2 ? "X'" + h + "'" : "'\\x" + h + "'::bytea";
  }

  private String comment() {
    switch (random.nextInt(3)) {
      case 0:
        return "/* note " + marker() + " */ ";
      case 1:
        return "-- " + marker() + "\n";
      default:
        return "";
    }
  }
}
