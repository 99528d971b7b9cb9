package io.reqlens.examples;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The Reqlens example service: Javalin 7 (Jetty 12) over an embedded H2 database, listening on
 * {@code 127.0.0.1:$PORT} ({@code PORT} defaults to {@value #DEFAULT_PORT}; {@code 0} picks a free
 * port). When ready it prints exactly one line, {@code reqlens-example listening on
 * http://127.0.0.1:<port>}, which the end-to-end harness and the demo wait for.
 *
 * <p>Two ways to trace it, configured by the same {@code OTEL_*} keys:
 *
 * <ul>
 *   <li>agent mode: run it under the OpenTelemetry Java agent with the Reqlens extension. The
 *       service itself only uses the OpenTelemetry API (bridged by the agent), for the {@code
 *       traceresponse} header, the exception event and the {@code /kit/child} span;
 *   <li>library mode: {@code java -jar reqlens-example.jar --library}, no agent: see {@link
 *       LibraryMode}.
 * </ul>
 */
public final class ExampleApp {

  /** The port when {@code PORT} is unset. */
  public static final int DEFAULT_PORT = 8080;

  /** The readiness line's prefix; the full line ends with the base URL. */
  public static final String READY_PREFIX = "reqlens-example listening on ";

  /** The argument that selects library mode (tracing without the agent). */
  public static final String LIBRARY_ARGUMENT = LibraryMode.ARGUMENT;

  static final String HOST = "127.0.0.1";

  private ExampleApp() {}

  public static void main(String[] args) {
    boolean library = args.length == 1 && args[0].equals(LIBRARY_ARGUMENT);
    if (args.length > 0 && !library) {
      System.err.println(
          "usage: java -jar reqlens-example.jar ["
              + LIBRARY_ARGUMENT
              + "]  (configure with PORT and OTEL_*)");
      System.exit(2);
    }
    int port = port(System.getenv("PORT"));
    Javalin app;
    if (library) {
      LibraryMode tracing = LibraryMode.start();
      app =
          create(
              Database.on(tracing.wrap(Database.inMemoryDataSource())),
              tracing::configure,
              LibraryMode.propagating(Workloads.ledgerWorkers()));
    } else {
      app = create(Database.inMemory(), config -> {}, Workloads.ledgerWorkers());
    }
    app.start(HOST, port);
    System.out.println(READY_PREFIX + "http://" + HOST + ":" + app.port());
    System.out.flush();
  }

  /**
   * Builds the service (not started).
   *
   * @param tracing adds library-mode tracing to the configuration first (nothing in agent mode)
   * @param ledgerWorkers the pool of {@code /api/handoff}, carrying the request's context to its
   *     tasks (the agent's executor instrumentation does that for a plain pool)
   */
  static Javalin create(
      Database db, Consumer<JavalinConfig> tracing, ExecutorService ledgerWorkers) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          tracing.accept(config); // first: its filter must wrap TraceResponseFilter
          config.staticFiles.add(
              files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
              });
          config.jetty.modifyServletContextHandler(
              handler ->
                  handler.addFilter(
                      TraceResponseFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST)));
          new ApiRoutes(db, ledgerWorkers).register(config.routes);
        });
  }

  private static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "Invalid value for PORT: '" + value + "'; accepted: 0 (any free port) to 65535");
  }
}
