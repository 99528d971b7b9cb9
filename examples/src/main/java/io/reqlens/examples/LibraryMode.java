package io.reqlens.examples;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.reqlens.instrumentation.jdbc.JdbcTelemetry;
import io.reqlens.instrumentation.servlet.ServletTelemetry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;

/**
 * Library mode ({@code --library}): tracing without the agent. SDK autoconfigure reads the same
 * {@code OTEL_*} keys as the agent, and the bundled Reqlens modules join it by SPI (the {@code
 * reqlens} sampler, the local-trace processor, the {@code jsonl} and {@code req} exporters). The
 * Reqlens library instrumentation then does what the agent's would:
 *
 * <ul>
 *   <li>the servlet filter on Javalin's Jetty context makes the SERVER span;
 *   <li>an {@code afterMatched} handler gives it Javalin's route template as {@code http.route};
 *   <li>the wrapped {@code DataSource} makes one CLIENT span per JDBC statement;
 *   <li>exceptions are recorded by {@code ApiRoutes}' exception handler, as in agent mode;
 *   <li>the pool of {@code /api/handoff} carries the request's context to its tasks ({@link
 *       #propagating}), as the agent's executor instrumentation does.
 * </ul>
 *
 * <p>Nothing here runs in agent mode: the SDK bundled in the example jar stays unused there, and
 * the agent bridges the app's {@code opentelemetry-api} to its own SDK.
 */
final class LibraryMode {

  /** The argument that selects library mode. */
  static final String ARGUMENT = "--library";

  /** Loadable through the application class loader whenever {@code -javaagent} is the agent. */
  private static final String AGENT_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";

  private static final String TELEMETRY_VERSION = "otel.experimental.sdk.telemetry.version";

  private final OpenTelemetry openTelemetry;

  private LibraryMode(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /**
   * Configures the SDK from {@code OTEL_*} environment variables and system properties and makes it
   * the global one ({@code GlobalOpenTelemetry}, used by code that makes its own spans). The SDK's
   * shutdown hook flushes the exporters when the JVM stops.
   *
   * @throws IllegalStateException under the agent, or for a setting library mode cannot honour
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException for an invalid setting,
   *     naming the key (a Reqlens key included): the service does not start
   */
  static LibraryMode start() {
    if (agentAttached()) {
      throw new IllegalStateException(
          ARGUMENT
              + " traces without the agent, but the OpenTelemetry Java agent is attached:"
              + " remove -javaagent, or drop "
              + ARGUMENT
              + " to let the agent trace");
    }
    refuseLatestExporterTelemetry();
    return new LibraryMode(
        AutoConfiguredOpenTelemetrySdk.builder().setResultAsGlobal().build().getOpenTelemetrySdk());
  }

  /**
   * {@code executor} carrying the submitter's context to each task, as the agent's executor
   * instrumentation does ({@code Context.taskWrapping}): without the agent nothing else would, and
   * the task's work would count for no request.
   */
  static ExecutorService propagating(ExecutorService executor) {
    return io.opentelemetry.context.Context.taskWrapping(executor); // Context: Javalin's here
  }

  /** {@code dataSource} with a CLIENT span per statement. */
  DataSource wrap(DataSource dataSource) {
    return JdbcTelemetry.create(openTelemetry).wrap(dataSource);
  }

  /**
   * Adds the tracing filter and the route handler. Call it before anything else adds a filter: the
   * server span must be current in every later filter (the {@code traceresponse} one included).
   */
  void configure(JavalinConfig config) {
    Filter tracing = ServletTelemetry.create(openTelemetry).createFilter();
    config.jetty.modifyServletContextHandler(
        handler ->
            handler.addFilter(new FilterHolder(tracing), "/*", EnumSet.of(DispatcherType.REQUEST)));
    // Why afterMatched, not after? It runs only when a Javalin endpoint matched, so unknown paths
    // and static files keep the servlet mapping (/*) as their route, exactly as with the agent.
    // It also runs after the exception handler, so /api/error gets its template too.
    config.routes.afterMatched(LibraryMode::setRoute);
  }

  /** The matched endpoint's path is Javalin's route template, e.g. {@code /api/users/{id}}. */
  private static void setRoute(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      ServletTelemetry.setRoute(ctx.req(), endpoint.path);
    }
  }

  private static boolean agentAttached() {
    try {
      Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * Why refuse it? The exporters bundled here are 1.63.0 on the 1.67.0 SDK (see the examples pom);
   * their experimental "latest" self-telemetry calls SDK methods 1.67.0 no longer has, so it would
   * fail on the first export. Refusing at start names the cause instead.
   */
  private static void refuseLatestExporterTelemetry() {
    String value = System.getProperty(TELEMETRY_VERSION);
    if (value == null) {
      value = System.getenv(TELEMETRY_VERSION.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
    if (value != null && value.trim().equalsIgnoreCase("latest")) {
      throw new IllegalStateException(
          "Invalid value for "
              + TELEMETRY_VERSION
              + ": 'latest' is not supported in library mode (the bundled 1.63.0 exporters"
              + " cannot record it on SDK 1.67.0); accepted: legacy");
    }
  }
}
