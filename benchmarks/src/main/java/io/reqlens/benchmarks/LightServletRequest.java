package io.reqlens.benchmarks;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GET request as a container would hand it to a filter, without a container: so the benchmark
 * measures the filter and not HTTP parsing or sockets. Whatever it does not implement throws, so a
 * benchmark cannot silently take a path the real container would not.
 */
final class LightServletRequest extends HttpServletRequestWrapper {

  private static final HttpServletRequest UNSUPPORTED =
      (HttpServletRequest)
          Proxy.newProxyInstance(
              LightServletRequest.class.getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, method, args) -> {
                throw new UnsupportedOperationException("LightServletRequest." + method.getName());
              });

  private static final HttpServletMapping MAPPING =
      new HttpServletMapping() {
        @Override
        public String getMatchValue() {
          return "42";
        }

        @Override
        public String getPattern() {
          return "/users/*";
        }

        @Override
        public String getServletName() {
          return "users";
        }

        @Override
        public MappingMatch getMappingMatch() {
          return MappingMatch.PATH;
        }
      };

  private final Map<String, Object> attributes = new HashMap<>(4);

  LightServletRequest() {
    super(UNSUPPORTED);
  }

  @Override
  public String getMethod() {
    return "GET";
  }

  @Override
  public String getScheme() {
    return "http";
  }

  @Override
  public String getRequestURI() {
    return "/users/42";
  }

  @Override
  public String getServletPath() {
    return "/users";
  }

  @Override
  public String getPathInfo() {
    return "/42";
  }

  @Override
  public String getContextPath() {
    return "";
  }

  @Override
  public String getQueryString() {
    return null;
  }

  @Override
  public HttpServletMapping getHttpServletMapping() {
    return MAPPING;
  }

  @Override
  public String getHeader(String name) {
    switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "host":
        return "localhost:8080";
      case "user-agent":
        return "bench/1.0";
      default:
        return null;
    }
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    String value = getHeader(name);
    return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    return Collections.enumeration(List.of("host", "user-agent"));
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public String getRemoteAddr() {
    return "127.0.0.1";
  }

  @Override
  public int getRemotePort() {
    return 50000;
  }

  @Override
  public String getLocalAddr() {
    return "127.0.0.1";
  }

  @Override
  public int getLocalPort() {
    return 8080;
  }

  @Override
  public long getContentLengthLong() {
    return -1;
  }

  @Override
  public int getContentLength() {
    return -1;
  }

  @Override
  public boolean isAsyncStarted() {
    return false;
  }

  @Override
  public DispatcherType getDispatcherType() {
    return DispatcherType.REQUEST;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }
}
