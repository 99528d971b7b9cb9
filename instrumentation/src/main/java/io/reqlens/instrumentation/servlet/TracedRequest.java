package io.reqlens.instrumentation.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * The request the app sees: the container's, plus a byte count on its input stream (for chunked
 * bodies, which have no Content-Length) and a hook on {@code startAsync}, so the span follows an
 * async request from the moment it goes async (no race with a fast completion on another thread).
 */
final class TracedRequest extends HttpServletRequestWrapper {

  private final ServletExchange exchange;
  private CountingServletInputStream input;

  TracedRequest(HttpServletRequest request, ServletExchange exchange) {
    super(request);
    this.exchange = exchange;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    ServletInputStream original = super.getInputStream();
    if (input == null || input.wraps() != original) {
      input = new CountingServletInputStream(original);
    }
    return input;
  }

  /** Bytes the app read through {@link #getInputStream()}. */
  long bytesRead() {
    return input == null ? 0 : input.count();
  }

  @Override
  public AsyncContext startAsync() {
    AsyncContext asyncContext = super.startAsync();
    exchange.asyncStarted(asyncContext);
    return asyncContext;
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    AsyncContext asyncContext = super.startAsync(request, response);
    exchange.asyncStarted(asyncContext);
    return asyncContext;
  }
}
