package io.reqlens.instrumentation.httpserver;

import com.sun.net.httpserver.HttpExchange;

/**
 * One traced exchange and its byte counters.
 *
 * <p>Why not keep this in an exchange attribute? Before JDK 21, {@code HttpExchange} attributes are
 * the {@code HttpContext}'s, shared by every concurrent exchange of the context.
 */
final class JdkExchange {

  private final HttpExchange exchange;
  private final CountingStreams.In in;
  private final CountingStreams.Out out;

  JdkExchange(HttpExchange exchange) {
    this.exchange = exchange;
    this.in = new CountingStreams.In(exchange.getRequestBody());
    this.out = new CountingStreams.Out(exchange.getResponseBody());
  }

  /** Puts the counting streams in place; from now on the app reads and writes through them. */
  void countBodies() {
    exchange.setStreams(in, out);
  }

  HttpExchange exchange() {
    return exchange;
  }

  long bytesRead() {
    return in.count();
  }

  long bytesWritten() {
    return out.count();
  }
}
