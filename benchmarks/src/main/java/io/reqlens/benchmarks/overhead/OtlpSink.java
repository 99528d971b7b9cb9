package io.reqlens.benchmarks.overhead;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The loopback OTLP/HTTP (protobuf) endpoint every traced configuration exports to: it reads each
 * request whole, counts trace spans and bytes, answers {@code 200} with an empty (valid) export
 * response, and drops the data. Why not the examples' receivers? They keep every span in memory for
 * assertions; a benchmark of minutes would measure their heap instead. Why count spans? The count
 * per request shows that each configuration exported what it should (two spans per request under
 * the agent at ratio 1, about 1 % of that at ratio 0.01), so a configuration that silently stopped
 * exporting cannot look cheap.
 */
final class OtlpSink implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicLong spans = new AtomicLong();
  private final AtomicLong traceBytes = new AtomicLong();
  private final AtomicLong otherRequests = new AtomicLong();

  OtlpSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    // Two threads: exports are few (a batch per 512 spans or per schedule delay).
    executor = Executors.newFixedThreadPool(2, r -> daemon(r, "otlp-sink"));
    server.setExecutor(executor);
    server.createContext("/v1/traces", this::traces);
    server.createContext("/v1/metrics", this::other);
    server.createContext("/v1/logs", this::other);
    server.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** {@code http://127.0.0.1:<port>}: the value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Trace spans received so far. */
  long spans() {
    return spans.get();
  }

  /** Bytes of trace export bodies received so far. */
  long traceBytes() {
    return traceBytes.get();
  }

  private void traces(HttpExchange exchange) throws IOException {
    byte[] body = readAll(exchange);
    traceBytes.addAndGet(body.length);
    spans.addAndGet(ProtobufSpanCount.count(body));
    answer(exchange);
  }

  private void other(HttpExchange exchange) throws IOException {
    readAll(exchange);
    otherRequests.incrementAndGet();
    answer(exchange);
  }

  private static byte[] readAll(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, -1); // an empty Export*ServiceResponse: zero bytes
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
