package io.reqlens.report.internal.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** An OTLP/HTTP (protobuf) receiver on loopback that keeps every request it accepted. */
final class HttpSink implements AutoCloseable {

  private final HttpServer server;
  private final List<ExportTraceServiceRequest> requests = new ArrayList<>();
  private final List<String> authorization = new ArrayList<>();

  private HttpSink(HttpServer server) {
    this.server = server;
    server.createContext("/v1/traces", this::traces);
    server.start();
  }

  static HttpSink start() {
    try {
      return new HttpSink(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<ExportTraceServiceRequest> requests() {
    return new ArrayList<>(requests);
  }

  synchronized List<String> authorization() {
    return new ArrayList<>(authorization);
  }

  private void traces(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      String enc = exchange.getRequestHeaders().getFirst("Content-Encoding");
      body = ("gzip".equalsIgnoreCase(enc) ? new GZIPInputStream(in) : in).readAllBytes();
    }
    ExportTraceServiceRequest r = ExportTraceServiceRequest.parseFrom(body);
    synchronized (this) {
      requests.add(r);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        authorization.add(auth);
      }
    }
    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
