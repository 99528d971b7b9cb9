package io.reqlens.instrumentation.httpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.reqlens.instrumentation.testkit.Endpoint;
import io.reqlens.instrumentation.testkit.HttpServerAdapter;
import io.reqlens.instrumentation.testkit.LibraryTelemetry;
import io.reqlens.instrumentation.testkit.SpanSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The kit's app on the JDK's HttpServer, traced by the Reqlens HttpServer filter. */
final class JdkHttpServerAdapter implements HttpServerAdapter {

  /** Extra endpoint: the handler sets its own route template. */
  static final String FRAMEWORK_ROUTE = "/framework/{name}";

  private final LibraryTelemetry telemetry = new LibraryTelemetry(Endpoint.EXCLUDED_ROUTES);
  private final ExecutorService executor = Executors.newFixedThreadPool(16);
  private HttpServer server;
  private Filter filter;

  @Override
  public URI start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    filter = HttpServerTelemetry.create(telemetry.openTelemetry()).createFilter();
    context(
        "/hello",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
          respond(ex, 200, Endpoint.HELLO_BODY);
        });
    context("/users/", ex -> respond(ex, 200, "user " + ex.getRequestURI().getPath()));
    context("/error", ex -> respond(ex, 500, "error"));
    context(
        "/exception",
        ex -> {
          throw new IllegalStateException("boom");
        });
    context(
        "/echo",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    context(
        "/child",
        ex -> {
          telemetry.openTelemetry().getTracer("test").spanBuilder("child").startSpan().end();
          respond(ex, 200, "child");
        });
    context("/health", ex -> respond(ex, 200, "ok"));
    context(
        "/framework/",
        ex -> {
          HttpServerTelemetry.setRoute(FRAMEWORK_ROUTE);
          respond(ex, 200, "framework");
        });
    context("/", ex -> respond(ex, 404, "not found"));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void context(String path, HttpHandler handler) {
    server.createContext(path, handler).getFilters().add(filter);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public SpanSink spans() {
    return telemetry.sink();
  }

  @Override
  public String expectedRoute(Endpoint endpoint) {
    return endpoint == Endpoint.NOT_FOUND ? "/" : endpoint.path(); // the HttpContext's path
  }

  @Override
  public Integer statusAfterUncaughtException() {
    return null; // the JDK server closes the connection without a response
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
    telemetry.close();
  }
}
