package io.reqlens.instrumentation.jdbc;

import io.opentelemetry.context.Context;

/**
 * The span of an {@code executeQuery} whose result the app is still reading. It ends, with {@code
 * db.response.returned_rows}, when the result is read to its end or closed; it ends without a row
 * count when something else ends the result first (its statement or connection closes, or another
 * statement runs on the connection).
 *
 * <p>Why hold the span open? The rows are known only once the app has read them, and a span takes
 * no attribute after it ended. The price: the span's duration includes reading the rows (for most
 * drivers the rows arrive with {@code executeQuery}, so this is the app's own loop), and a result
 * the app never closes on a connection it never closes leaves its span unended.
 */
final class OpenResult {

  private final JdbcInstrumentation instrumentation;
  private final Context context;
  private final DbRequest request;
  private final Object statement;
  private final ConnectionHandler connection;
  private long rows;
  private boolean ended;

  OpenResult(
      JdbcInstrumentation instrumentation,
      Context context,
      DbRequest request,
      Object statement,
      ConnectionHandler connection) {
    this.instrumentation = instrumentation;
    this.context = context;
    this.request = request;
    this.statement = statement;
    this.connection = connection;
  }

  /** The statement handler whose execution made this result. */
  Object statement() {
    return statement;
  }

  /** {@code next()} returned true. */
  void row() {
    rows++;
  }

  /** Read to its end or closed by the app: the rows it read are the count. */
  void endWithRows() {
    end(true);
  }

  /** Ended by something else: the count is unknown. */
  void endWithoutRows() {
    end(false);
  }

  private void end(boolean counted) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    connection.forget(this);
    instrumentation.end(context, request, counted ? rows : null, null);
  }
}
