package io.reqlens.instrumentation.testkit;

import java.net.URI;

/**
 * What the HTTP-server test kit needs from one way of instrumenting a server. Implement it for a
 * library filter in this JVM, or for the agent with the example service in a child JVM whose spans
 * arrive over OTLP.
 */
public interface HttpServerAdapter {

  /**
   * Starts an app serving every {@link Endpoint} on loopback, with {@link Endpoint#EXCLUDED_ROUTES}
   * excluded by the {@code reqlens} sampler, and returns its base URI: {@code
   * http://127.0.0.1:PORT}, or {@code http://127.0.0.1:PORT/PREFIX} for an app that serves the
   * endpoints under {@code /PREFIX} (every request path, expected {@code url.path} and the excluded
   * route are then under it too, e.g. {@code /PREFIX/health}).
   */
  URI start() throws Exception;

  /** Where the app's spans arrive. */
  SpanSink spans();

  /** The {@code http.route} this instrumentation reports for {@code endpoint}, or null for none. */
  String expectedRoute(Endpoint endpoint);

  /**
   * The {@code http.response.status_code} after a handler threw: 500 for servlet containers, null
   * for servers that drop the connection instead (the JDK's HttpServer).
   */
  Integer statusAfterUncaughtException();

  /**
   * Whether {@code http.request.body.size} is measured for a chunked request (no {@code
   * Content-Length}): true (the default) when the instrumentation counts the bytes the app reads;
   * false for the agent, which only copies {@code Content-Length} and so records no size.
   */
  default boolean measuresChunkedRequestBodies() {
    return true;
  }

  /** Stops the app and releases everything {@link #start()} took. */
  void stop() throws Exception;
}
