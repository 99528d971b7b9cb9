package io.reqlens.instrumentation.httpserver;

import com.sun.net.httpserver.HttpsExchange;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.reqlens.instrumentation.internal.BodySizeExtractor;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;

/**
 * Everything the stable HTTP extractors read from a JDK exchange, and nothing more. {@code
 * url.query} is recorded as the agent records it; the Reqlens span processor (reqlens-sampler)
 * redacts its secret parameters for every exporter, and the file exporters never write it.
 */
enum JdkServerAttributesGetter
    implements
        HttpServerAttributesGetter<JdkExchange, JdkExchange>, TextMapGetter<JdkExchange>,
        BodySizeExtractor.Getter<JdkExchange> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(JdkExchange exchange) {
    return exchange.exchange().getRequestMethod();
  }

  @Override
  public String getUrlScheme(JdkExchange exchange) {
    return exchange.exchange() instanceof HttpsExchange ? "https" : "http";
  }

  @Override
  public String getUrlPath(JdkExchange exchange) {
    return exchange.exchange().getRequestURI().getRawPath();
  }

  @Override
  public String getUrlQuery(JdkExchange exchange) {
    return exchange.exchange().getRequestURI().getRawQuery(); // redacted by the processor
  }

  /** The path of the {@code HttpContext} that matched, as the agent reports it. */
  @Override
  public String getHttpRoute(JdkExchange exchange) {
    return exchange.exchange().getHttpContext().getPath();
  }

  @Override
  public List<String> getHttpRequestHeader(JdkExchange exchange, String name) {
    List<String> values = exchange.exchange().getRequestHeaders().get(name);
    return values == null ? Collections.emptyList() : values;
  }

  @Override
  public Integer getHttpResponseStatusCode(
      JdkExchange exchange, JdkExchange response, Throwable error) {
    int status = exchange.exchange().getResponseCode();
    return status > 0 ? status : null; // -1: no response sent (the server drops the connection)
  }

  @Override
  public List<String> getHttpResponseHeader(
      JdkExchange exchange, JdkExchange response, String name) {
    return Collections.emptyList(); // no response header is ever captured
  }

  @Override
  public String getNetworkProtocolName(JdkExchange exchange, JdkExchange response) {
    String protocol = exchange.exchange().getProtocol();
    return protocol != null && protocol.startsWith("HTTP/") ? "http" : null;
  }

  @Override
  public String getNetworkProtocolVersion(JdkExchange exchange, JdkExchange response) {
    String protocol = exchange.exchange().getProtocol();
    return protocol != null && protocol.startsWith("HTTP/") ? protocol.substring(5) : null;
  }

  @Override
  public InetSocketAddress getNetworkPeerInetSocketAddress(
      JdkExchange exchange, JdkExchange response) {
    return exchange.exchange().getRemoteAddress();
  }

  @Override
  public InetSocketAddress getNetworkLocalInetSocketAddress(
      JdkExchange exchange, JdkExchange response) {
    return exchange.exchange().getLocalAddress();
  }

  @Override
  public long requestBodySize(JdkExchange exchange) {
    String length = exchange.exchange().getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        return Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    if (exchange.exchange().getRequestHeaders().containsKey("Transfer-Encoding")) {
      return exchange.bytesRead(); // chunked: what the app read of it
    }
    return -1; // no Content-Length and not chunked: no body, so no size (as the agent)
  }

  @Override
  public long responseBodySize(JdkExchange exchange) {
    return exchange.bytesWritten();
  }

  @Override
  public String get(JdkExchange exchange, String key) {
    return exchange == null ? null : exchange.exchange().getRequestHeaders().getFirst(key);
  }
}
