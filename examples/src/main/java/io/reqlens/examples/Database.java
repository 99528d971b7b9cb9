package io.reqlens.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The example's data: an embedded H2 database with {@code users} and {@code orders}, seeded at
 * start. Every query goes through JDBC, so the agent's JDBC instrumentation makes one database
 * CLIENT span per statement.
 *
 * <p>The {@link DataSource} is injected: library mode (no agent) passes one wrapped by the Reqlens
 * JDBC instrumentation.
 */
public final class Database {

  private static final String[] NAMES = {
    "Ada", "Grace", "Linus", "Barbara", "Ken", "Margaret",
    "Dennis", "Frances", "Edsger", "Radia", "Donald", "Shafi"
  };
  private static final String[] ITEMS = {"keyboard", "monitor", "cable", "laptop"};

  /** A row of {@code users}. */
  public record User(long id, String name) {}

  /** A row of {@code orders}, with the user it belongs to. */
  public record Order(long id, String item, int quantity, User user) {}

  private final DataSource dataSource;

  private Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates a fresh in-memory database (H2's own connection pool), with schema and seed. */
  public static Database inMemory() {
    return on(inMemoryDataSource());
  }

  /** The in-memory database's pool, empty: for {@link #on} after wrapping it (library mode). */
  public static DataSource inMemoryDataSource() {
    // DB_CLOSE_DELAY=-1 keeps the database while the pool has no open connection.
    return JdbcConnectionPool.create("jdbc:h2:mem:reqlens;DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** Uses {@code dataSource}, creating and seeding the tables. */
  public static Database on(DataSource dataSource) {
    Database db = new Database(dataSource);
    db.createAndSeed();
    return db;
  }

  private void createAndSeed() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE users (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100))");
      s.execute(
          "CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
              + " user_id BIGINT NOT NULL REFERENCES users(id),"
              + " item VARCHAR(100), quantity INT)");
      // One multi-row INSERT per table: seeding makes four statement spans, not twenty-six.
      try (PreparedStatement p = c.prepareStatement(insertRows("users (name)", 1))) {
        for (int i = 0; i < NAMES.length; i++) {
          p.setString(i + 1, NAMES[i]);
        }
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement(insertRows("orders (user_id, item, quantity)", 3))) {
        for (int i = 0; i < NAMES.length; i++) {
          p.setLong(3 * i + 1, i % 8 + 1); // users 1-4 have two orders, 9-12 none
          p.setString(3 * i + 2, ITEMS[i % ITEMS.length]);
          p.setInt(3 * i + 3, i % 3 + 1);
        }
        p.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the example database", e);
    }
  }

  /** All users, one query. */
  public List<User> users() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name FROM users ORDER BY id")) {
      List<User> users = new ArrayList<>();
      while (rs.next()) {
        users.add(new User(rs.getLong(1), rs.getString(2)));
      }
      return users;
    }
  }

  /** One user by id: a prepared statement with the id as a bind parameter. */
  public Optional<User> user(long id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return findUser(c, id);
    }
  }

  /** Inserts a user, one statement; returns it with its generated id. */
  public User addUser(String name) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return new User(insertUser(c, name), name);
    }
  }

  /**
   * All orders with their users, the N+1 way on purpose: one query for the orders, then one query
   * per order for its user. A profiler should make this visible.
   */
  public List<Order> ordersNPlusOne() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<long[]> rows = new ArrayList<>();
      List<String> items = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id, user_id, item, quantity FROM orders")) {
        while (rs.next()) {
          rows.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(4)});
          items.add(rs.getString(3));
        }
      }
      List<Order> orders = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        long[] row = rows.get(i);
        User user = findUser(c, row[1]).orElse(null);
        orders.add(new Order(row[0], items.get(i), (int) row[2], user));
      }
      return orders;
    }
  }

  /** A trivial query, for health checks and the slow endpoint. */
  public void ping() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
    }
  }

  private static Optional<User> findUser(Connection c, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id, name FROM users WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(new User(rs.getLong(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  private static String insertRows(String tableAndColumns, int columns) {
    String row = "(" + "?, ".repeat(columns - 1) + "?)";
    return "INSERT INTO "
        + tableAndColumns
        + " VALUES "
        + String.join(", ", Collections.nCopies(NAMES.length, row));
  }

  private static long insertUser(Connection c, String name) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO users (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, name);
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
