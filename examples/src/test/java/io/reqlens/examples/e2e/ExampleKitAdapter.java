package io.reqlens.examples.e2e;

import io.reqlens.instrumentation.testkit.Endpoint;
import io.reqlens.instrumentation.testkit.HttpServerAdapter;
import io.reqlens.instrumentation.testkit.SpanSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTTP-server test kit's adapter for the real example service in a child JVM: Javalin 7 on
 * Jetty 12, serving the kit's endpoints under {@code /kit} ({@code KitRoutes}), traced by the agent
 * or in library mode, its spans arriving over OTLP at a receiver of its own.
 *
 * <p>The JVM logs every class it loads to a file, so a test can tell which classes came from the
 * example jar ({@link #classesLoadedFromExampleJar}).
 */
final class ExampleKitAdapter implements HttpServerAdapter {

  static final String PREFIX = "/kit";

  private final ExampleService.Mode mode;
  private final ExampleService service;
  private final Path classLoadLog;
  private OtlpSpanSink sink;

  ExampleKitAdapter(ExampleService.Mode mode) {
    this.mode = mode;
    String name = "kit-" + mode.name().toLowerCase(Locale.ROOT);
    Map<String, String> env =
        Map.of(
            "OTEL_TRACES_SAMPLER",
            "reqlens",
            "OTEL_REQLENS_EXCLUDE_ROUTES",
            PREFIX + Endpoint.EXCLUDED_ROUTES,
            // The kit checks body sizes: the agent records them with this flag (Reqlens sets it
            // only for the req exporter); library mode ignores it (the filter always records them).
            "OTEL_INSTRUMENTATION_HTTP_SERVER_EMIT_EXPERIMENTAL_TELEMETRY",
            "true");
    this.classLoadLog = ExampleService.log(name + "-classes.log");
    ExampleService described =
        mode == ExampleService.Mode.AGENT
            ? ExampleService.agent(name, env)
            : ExampleService.library(name, env);
    this.service = described.jvmArg("-Xlog:class+load=info:file=" + classLoadLog + "::filecount=0");
  }

  @Override
  public URI start() {
    service.start();
    sink = new OtlpSpanSink(service.otlp(), service.http(), PREFIX + "/hello");
    return URI.create(service.baseUrl() + PREFIX);
  }

  @Override
  public SpanSink spans() {
    return sink;
  }

  /**
   * Javalin's route templates, in both modes. A path no endpoint matches (404) has the servlet
   * mapping of Javalin's servlet, {@code /*}, as the agent's servlet instrumentation reports it.
   */
  @Override
  public String expectedRoute(Endpoint endpoint) {
    switch (endpoint) {
      case USER:
        return PREFIX + "/users/{id}";
      case NOT_FOUND:
        return "/*";
      default:
        return PREFIX + endpoint.path();
    }
  }

  /** Javalin answers 500 through the example's exception handler, which records the exception. */
  @Override
  public Integer statusAfterUncaughtException() {
    return 500;
  }

  /** The agent only copies {@code Content-Length}; the servlet filter counts the bytes read. */
  @Override
  public boolean measuresChunkedRequestBodies() {
    return mode == ExampleService.Mode.LIBRARY;
  }

  @Override
  public void stop() {
    service.close();
  }

  /** Names of the loaded classes whose names start with {@code prefix} and came from the jar. */
  List<String> classesLoadedFromExampleJar(String prefix) {
    try (Stream<String> lines = Files.lines(classLoadLog)) {
      return lines
          .filter(line -> line.contains("reqlens-example.jar"))
          .map(line -> line.replaceFirst("^.*\\[class,load\\] (\\S+) .*$", "$1"))
          .filter(className -> className.startsWith(prefix))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
