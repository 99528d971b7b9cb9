package io.reqlens.instrumentation.servlet;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.reqlens.instrumentation.internal.BodySizeExtractor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;

/**
 * Everything the stable HTTP extractors read from a servlet request, and nothing more. {@code
 * url.query} is recorded as the agent records it; the Reqlens span processor (reqlens-sampler)
 * redacts its secret parameters for every exporter, and the file exporters never write it.
 */
enum ServletAttributesGetter
    implements
        HttpServerAttributesGetter<ServletExchange, ServletExchange>,
        TextMapGetter<ServletExchange>, BodySizeExtractor.Getter<ServletExchange> {
  INSTANCE;

  @Override
  public String getHttpRequestMethod(ServletExchange exchange) {
    return exchange.request().getMethod();
  }

  @Override
  public String getUrlScheme(ServletExchange exchange) {
    return exchange.request().getScheme();
  }

  @Override
  public String getUrlPath(ServletExchange exchange) {
    return exchange.request().getRequestURI();
  }

  @Override
  public String getUrlQuery(ServletExchange exchange) {
    return exchange.request().getQueryString(); // raw, as sent; redacted by the processor
  }

  @Override
  public String getHttpRoute(ServletExchange exchange) {
    return ServletRoutes.route(exchange.request());
  }

  @Override
  public List<String> getHttpRequestHeader(ServletExchange exchange, String name) {
    return Collections.list(exchange.request().getHeaders(name));
  }

  @Override
  public Integer getHttpResponseStatusCode(
      ServletExchange exchange, ServletExchange response, Throwable error) {
    HttpServletResponse res = exchange.response();
    if (error != null && !res.isCommitted()) {
      return 500; // the container answers an uncaught exception with 500 (Servlet spec 10.9.3)
    }
    return res.getStatus();
  }

  @Override
  public List<String> getHttpResponseHeader(
      ServletExchange exchange, ServletExchange response, String name) {
    return Collections.emptyList(); // no response header is ever captured
  }

  @Override
  public String getNetworkProtocolName(ServletExchange exchange, ServletExchange response) {
    String protocol = exchange.request().getProtocol();
    return protocol != null && protocol.startsWith("HTTP/") ? "http" : null;
  }

  @Override
  public String getNetworkProtocolVersion(ServletExchange exchange, ServletExchange response) {
    String protocol = exchange.request().getProtocol();
    return protocol != null && protocol.startsWith("HTTP/") ? protocol.substring(5) : null;
  }

  @Override
  public String getNetworkPeerAddress(ServletExchange exchange, ServletExchange response) {
    return exchange.request().getRemoteAddr();
  }

  @Override
  public Integer getNetworkPeerPort(ServletExchange exchange, ServletExchange response) {
    int port = exchange.request().getRemotePort();
    return port > 0 ? port : null;
  }

  @Override
  public String getNetworkLocalAddress(ServletExchange exchange, ServletExchange response) {
    return exchange.request().getLocalAddr();
  }

  @Override
  public Integer getNetworkLocalPort(ServletExchange exchange, ServletExchange response) {
    int port = exchange.request().getLocalPort();
    return port > 0 ? port : null;
  }

  @Override
  public long requestBodySize(ServletExchange exchange) {
    HttpServletRequest request = exchange.request();
    long length = request.getContentLengthLong();
    if (length >= 0) {
      return length;
    }
    if (request.getHeader("Transfer-Encoding") != null) {
      return exchange.tracedRequest().bytesRead(); // chunked: what the app read of it
    }
    return -1; // no Content-Length and not chunked: no body, so no size (as the agent)
  }

  @Override
  public long responseBodySize(ServletExchange exchange) {
    return exchange.tracedResponse().bytesWritten();
  }

  @Override
  public String get(ServletExchange exchange, String key) {
    return exchange == null ? null : exchange.request().getHeader(key);
  }
}
