package io.reqlens.examples.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP (binary protobuf) receiver on {@code 127.0.0.1}, the transport {@code
 * OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf} selects: spans from {@code /v1/traces} are kept,
 * requests to {@code /v1/metrics} and {@code /v1/logs} are counted and answered with success.
 */
final class OtlpHttpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>(); // guarded by itself
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

  private OtlpHttpReceiver(HttpServer server) {
    this.server = server;
    server.createContext("/v1/traces", this::traces);
    server.createContext("/v1/metrics", exchange -> count(exchange, "/v1/metrics"));
    server.createContext("/v1/logs", exchange -> count(exchange, "/v1/logs"));
    server.start();
  }

  static OtlpHttpReceiver start() {
    try {
      return new OtlpHttpReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the OTLP/HTTP receiver", e);
    }
  }

  /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}; the exporters append {@code /v1/...}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every span received so far, in arrival order (a copy). */
  List<ReceivedSpan> spans() {
    synchronized (spans) {
      return new ArrayList<>(spans);
    }
  }

  /** The spans received so far with this trace id. */
  List<ReceivedSpan> spansOfTrace(String traceId) {
    synchronized (spans) {
      return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }
  }

  /** How many export requests arrived at {@code path}, e.g. {@code /v1/traces}. */
  long requests(String path) {
    AtomicLong count = requests.get(path);
    return count == null ? 0 : count.get();
  }

  private void traces(HttpExchange exchange) throws IOException {
    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body(exchange));
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span span : ss.getSpansList()) {
          received.add(new ReceivedSpan(span, rs.getResource(), ss.getScope().getName()));
        }
      }
    }
    synchronized (spans) {
      spans.addAll(received);
    }
    answer(exchange, "/v1/traces");
  }

  private void count(HttpExchange exchange, String path) throws IOException {
    body(exchange);
    answer(exchange, path);
  }

  /** 200 with an empty (binary protobuf) export response, which means full success. */
  private void answer(HttpExchange exchange, String path) throws IOException {
    requests.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  /** The whole request body, read before answering (the connection is kept alive). */
  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      return ("gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in) : in).readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
