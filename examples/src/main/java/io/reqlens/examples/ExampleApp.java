package io.reqlens.examples;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * The Reqlens example service: Javalin 7 (Jetty 12) over an embedded H2 database, listening on
 * {@code 127.0.0.1:$PORT} ({@code PORT} defaults to {@value #DEFAULT_PORT}; {@code 0} picks a free
 * port). When ready it prints exactly one line, {@code reqlens-example listening on
 * http://127.0.0.1:<port>}, which the end-to-end harness and the demo wait for.
 *
 * <p>Run it under the OpenTelemetry Java agent (with the Reqlens extension) to trace it; the
 * service itself only uses the OpenTelemetry API, for the {@code traceresponse} header. Library
 * mode (no agent) will plug in at two seams: {@link Database#on} takes a wrapped {@code
 * DataSource}, and {@link #create} is where a tracing servlet filter joins {@link
 * TraceResponseFilter}.
 */
public final class ExampleApp {

  /** The port when {@code PORT} is unset. */
  public static final int DEFAULT_PORT = 8080;

  /** The readiness line's prefix; the full line ends with the base URL. */
  public static final String READY_PREFIX = "reqlens-example listening on ";

  static final String HOST = "127.0.0.1";

  private ExampleApp() {}

  public static void main(String[] args) {
    if (args.length > 0) {
      System.err.println("usage: java -jar reqlens-example.jar  (configure with PORT and OTEL_*)");
      System.exit(2);
    }
    int port = port(System.getenv("PORT"));
    Javalin app = create(Database.inMemory()).start(HOST, port);
    System.out.println(READY_PREFIX + "http://" + HOST + ":" + app.port());
    System.out.flush();
  }

  /** Builds the service (not started). */
  static Javalin create(Database db) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
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
          new ApiRoutes(db).register(config.routes);
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
