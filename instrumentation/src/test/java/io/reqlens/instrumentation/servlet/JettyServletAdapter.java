package io.reqlens.instrumentation.servlet;

import io.opentelemetry.api.trace.Span;
import io.reqlens.instrumentation.testkit.Endpoint;
import io.reqlens.instrumentation.testkit.HttpServerAdapter;
import io.reqlens.instrumentation.testkit.LibraryTelemetry;
import io.reqlens.instrumentation.testkit.SpanSink;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The kit's app on a real embedded Jetty 12 (ee10), traced by the Reqlens servlet filter. */
final class JettyServletAdapter implements HttpServerAdapter {

  /** Extra endpoint: async request completed 100 ms later on another thread, body {@code done}. */
  static final String ASYNC = "/async";

  /** Extra endpoint: a "framework" under /framework/* sets its own route template. */
  static final String FRAMEWORK_ROUTE = "/framework/{name}";

  private final LibraryTelemetry telemetry = new LibraryTelemetry(Endpoint.EXCLUDED_ROUTES);
  private final ScheduledExecutorService async = Executors.newSingleThreadScheduledExecutor();
  private Server server;

  interface Handler {
    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
  }

  private static ServletHolder servlet(Handler handler) {
    return new ServletHolder(
        new HttpServlet() {
          @Override
          protected void service(HttpServletRequest req, HttpServletResponse resp)
              throws IOException {
            handler.handle(req, resp);
          }
        });
  }

  @Override
  public URI start() throws Exception {
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    context.addFilter(
        new FilterHolder(ServletTelemetry.create(telemetry.openTelemetry()).createFilter()),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(
        servlet(
            (req, resp) -> {
              resp.setContentType("text/plain; charset=utf-8");
              resp.getWriter().write(Endpoint.HELLO_BODY);
            }),
        "/hello");
    context.addServlet(
        servlet((req, resp) -> resp.getWriter().write("user " + req.getPathInfo())), "/users/*");
    context.addServlet(
        servlet(
            (req, resp) -> {
              resp.setStatus(500);
              resp.getWriter().write("error");
            }),
        "/error");
    context.addServlet(
        servlet(
            (req, resp) -> {
              throw new IllegalStateException("boom");
            }),
        "/exception");
    context.addServlet(
        servlet((req, resp) -> req.getInputStream().transferTo(resp.getOutputStream())), "/echo");
    context.addServlet(
        servlet(
            (req, resp) -> {
              telemetry.openTelemetry().getTracer("test").spanBuilder("child").startSpan().end();
              resp.getWriter().write("child of " + Span.current().getSpanContext().getSpanId());
            }),
        "/child");
    context.addServlet(servlet((req, resp) -> resp.getWriter().write("ok")), "/health");
    ServletHolder asyncServlet =
        servlet(
            (req, resp) -> {
              jakarta.servlet.AsyncContext asyncContext = req.startAsync();
              async.schedule(
                  () -> {
                    try {
                      resp.getWriter().write("done");
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                    asyncContext.complete();
                  },
                  100,
                  TimeUnit.MILLISECONDS);
            });
    asyncServlet.setAsyncSupported(true);
    context.addServlet(asyncServlet, ASYNC);
    context.addServlet(
        servlet(
            (req, resp) -> {
              ServletTelemetry.setRoute(req, FRAMEWORK_ROUTE);
              resp.getWriter().write("framework");
            }),
        "/framework/*");
    server.setHandler(context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public SpanSink spans() {
    return telemetry.sink();
  }

  @Override
  public String expectedRoute(Endpoint endpoint) {
    switch (endpoint) {
      case USER:
        return "/users/*";
      case NOT_FOUND:
        return "/*"; // Jetty's default (404) servlet, mapped at "/"
      default:
        return endpoint.path();
    }
  }

  @Override
  public Integer statusAfterUncaughtException() {
    return 500;
  }

  @Override
  public void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    async.shutdownNow();
    telemetry.close();
  }
}
