package io.reqlens.examples;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.reqlens.examples.Database.User;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The example's endpoints. Tests and the demo rely on them, so they are stable:
 *
 * <ul>
 *   <li>{@code GET /api/users}: one query;
 *   <li>{@code GET /api/users/{id}}: one prepared statement, id bound; 404 when missing;
 *   <li>{@code POST /api/users}: JSON {@code {"name":"…"}} or form {@code name=…}; one insert; 201;
 *   <li>{@code GET /api/orders}: N+1 on purpose, one query for orders plus one per order;
 *   <li>{@code GET /api/slow?ms=N}: sleeps N ms (at most {@value #MAX_SLEEP_MS}), one query;
 *   <li>{@code GET /api/cpu?ms=N}: computes for about N ms (at most {@value Workloads#MAX_MS}) in
 *       {@link Workloads#computeChecksum}, no query;
 *   <li>{@code GET /api/lock?ms=N}: waits about N ms (at most {@value Workloads#MAX_MS}) for a lock
 *       another thread holds, in {@link Workloads#awaitInventoryLock}, no query;
 *   <li>{@code GET /api/handoff?ms=N}: hands about N ms (at most {@value Workloads#MAX_MS}) of
 *       computing to a worker thread ({@link Workloads#reconcileLedger}, no span of its own) and
 *       waits for it, no query;
 *   <li>{@code GET /api/error}: throws {@link IllegalStateException}, answered with 500 and
 *       recorded on the server span;
 *   <li>{@code GET /health} and {@code GET /healthz}: one {@code SELECT 1} each.
 * </ul>
 *
 * <p>{@code GET /static/app.css} is a classpath file, served by {@link ExampleApp}. The test kit's
 * endpoints are under {@code /kit} ({@link KitRoutes}).
 */
final class ApiRoutes {

  static final int MAX_SLEEP_MS = 10_000;
  static final String ERROR_MESSAGE = "deliberate failure from GET /api/error";
  private static final int MAX_NAME_LENGTH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
  private final Database db;
  private final ExecutorService ledgerWorkers;

  /**
   * @param ledgerWorkers where {@code /api/handoff} runs its work; it must carry the request's
   *     context to the task (the agent's executor instrumentation does, or {@code
   *     Context.taskWrapping} in library mode)
   */
  ApiRoutes(Database db, ExecutorService ledgerWorkers) {
    this.db = db;
    this.ledgerWorkers = ledgerWorkers;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/users", ctx -> json(ctx, Json.users(db.users())));
    routes.get("/api/users/{id}", this::user);
    routes.post("/api/users", this::addUser);
    routes.get("/api/orders", ctx -> json(ctx, Json.orders(db.ordersNPlusOne())));
    routes.get("/api/slow", this::slow);
    routes.get("/api/cpu", ApiRoutes::cpu);
    routes.get("/api/lock", ApiRoutes::lock);
    routes.get("/api/handoff", this::handoff);
    routes.get(
        "/api/error",
        ctx -> {
          throw new IllegalStateException(ERROR_MESSAGE);
        });
    routes.get("/health", this::health);
    routes.get("/healthz", this::health);
    KitRoutes.register(routes);
    BenchmarkStats.registerIfEnabled(routes);
    routes.exception(Exception.class, ApiRoutes::serverError);
  }

  /**
   * Answers 500 and records the exception on the server span. Why by hand? Javalin catches every
   * handler exception itself (its default handler only logs it), so nothing reaches the servlet or
   * Jetty instrumentation and the agent's server span would only carry status 500, without an
   * {@code exception} event. {@code Span.current()} is the agent's server span (the API is
   * bridged), so the event gets {@code exception.type}, {@code .message} and {@code .stacktrace}.
   */
  private static void serverError(Exception e, Context ctx) {
    Span span = Span.current();
    span.recordException(e);
    span.setStatus(StatusCode.ERROR);
    LOG.warn("{} {} failed", ctx.method(), ctx.path(), e); // path only: no query, headers, body
    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
    json(ctx, Json.error("internal server error"));
  }

  private void user(Context ctx) throws SQLException {
    Long id = parseLong(ctx.pathParam("id"));
    if (id == null) {
      badRequest(ctx, "id must be a whole number");
      return;
    }
    Optional<User> user = db.user(id);
    if (user.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      json(ctx, Json.error("no user " + id));
      return;
    }
    json(ctx, Json.user(user.get()));
  }

  private void addUser(Context ctx) throws SQLException {
    String contentType = ctx.contentType();
    String name =
        contentType != null && contentType.startsWith("application/json")
            ? Json.nameField(ctx.body())
            : ctx.formParam("name");
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      badRequest(ctx, "name is required, at most " + MAX_NAME_LENGTH + " characters");
      return;
    }
    ctx.status(HttpStatus.CREATED);
    json(ctx, Json.user(db.addUser(name.trim())));
  }

  private void slow(Context ctx) throws SQLException, InterruptedException {
    String ms = ctx.queryParam("ms");
    Long sleep = ms == null ? Long.valueOf(0) : parseLong(ms);
    if (sleep == null || sleep < 0) {
      badRequest(ctx, "ms must be a whole number of milliseconds >= 0");
      return;
    }
    long slept = Math.min(sleep, MAX_SLEEP_MS);
    Thread.sleep(slept);
    db.ping();
    json(ctx, "{\"slept_ms\":" + slept + "}");
  }

  private static void cpu(Context ctx) {
    Long ms = millis(ctx);
    if (ms != null) {
      long checksum = Workloads.computeChecksum(ms);
      json(ctx, "{\"computed_ms\":" + ms + ",\"checksum\":" + checksum + "}");
    }
  }

  private static void lock(Context ctx) throws InterruptedException {
    Long ms = millis(ctx);
    if (ms != null) {
      json(ctx, "{\"waited_ms\":" + Workloads.awaitInventoryLock(ms) + "}");
    }
  }

  /** Hands the work to a worker; the request's thread waits for it (no span for the task). */
  private void handoff(Context ctx) throws InterruptedException, ExecutionException {
    Long ms = millis(ctx);
    if (ms != null) {
      Future<Long> ledger = ledgerWorkers.submit(() -> Workloads.reconcileLedger(ms));
      json(ctx, "{\"reconciled_ms\":" + ms + ",\"checksum\":" + ledger.get() + "}");
    }
  }

  /** The {@code ms} parameter, capped at {@link Workloads#MAX_MS}; null after answering 400. */
  private static Long millis(Context ctx) {
    String ms = ctx.queryParam("ms");
    Long value = ms == null ? Long.valueOf(0) : parseLong(ms);
    if (value == null || value < 0) {
      badRequest(ctx, "ms must be a whole number of milliseconds >= 0");
      return null;
    }
    return Math.min(value, Workloads.MAX_MS);
  }

  private void health(Context ctx) throws SQLException {
    db.ping();
    json(ctx, "{\"status\":\"up\"}");
  }

  private static void badRequest(Context ctx, String message) {
    ctx.status(HttpStatus.BAD_REQUEST);
    json(ctx, Json.error(message));
  }

  private static void json(Context ctx, String body) {
    ctx.contentType("application/json").result(body);
  }

  private static Long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
