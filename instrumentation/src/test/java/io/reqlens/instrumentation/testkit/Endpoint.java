package io.reqlens.instrumentation.testkit;

/**
 * What every app under test serves. An adapter (servlet filter, HttpServer filter, the agent with
 * the example service) builds an app with exactly this behaviour.
 */
public enum Endpoint {
  /** GET: 200, body {@code héllo} in UTF-8 (6 bytes), {@code text/plain; charset=utf-8}. */
  HELLO("/hello"),
  /** GET /users/{id}: 200, body {@code user <id>}. */
  USER("/users/"),
  /** GET: nothing is mapped here; the server answers 404. */
  NOT_FOUND("/missing"),
  /** GET: the app answers 500 itself (no exception), body {@code error}. */
  SERVER_ERROR("/error"),
  /**
   * POST: the handler throws {@code IllegalStateException("boom")}. (POST because HTTP clients
   * retry an idempotent GET on a dropped connection, which would make a second span.)
   */
  EXCEPTION("/exception"),
  /** POST: 200, the request body echoed back byte for byte. */
  ECHO("/echo"),
  /** GET: the handler starts and ends an INTERNAL span named {@code child}, then answers 200. */
  CHILD("/child"),
  /** GET: 200, body {@code ok}; the kit configures this route as excluded. */
  HEALTH("/health");

  /**
   * The route the kit excludes, as {@code OTEL_REQLENS_EXCLUDE_ROUTES} would (under the base URI's
   * path for an app that serves the kit below one).
   */
  public static final String EXCLUDED_ROUTES = "/health";

  /** The body HELLO answers. */
  public static final String HELLO_BODY = "héllo";

  private final String path;

  Endpoint(String path) {
    this.path = path;
  }

  /** The request path (for USER, the prefix: append an id). */
  public String path() {
    return path;
  }
}
