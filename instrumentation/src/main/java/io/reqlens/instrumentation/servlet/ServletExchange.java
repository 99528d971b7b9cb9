package io.reqlens.instrumentation.servlet;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One traced request: the container's request and response, the wrappers that count bytes, the
 * span's context, and the once-only end (the filter's return or the async completion).
 */
final class ServletExchange {

  /** The request attribute holding the exchange, for re-dispatches and {@code setRoute}. */
  static final String ATTRIBUTE = ServletExchange.class.getName();

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final TracedRequest tracedRequest;
  private final TracedResponse tracedResponse;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean listening = new AtomicBoolean();
  private Instrumenter<ServletExchange, ServletExchange> instrumenter;
  private Context context;
  private volatile Throwable asyncError;

  ServletExchange(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
    this.tracedRequest = new TracedRequest(request, this);
    this.tracedResponse = new TracedResponse(response);
  }

  void started(Instrumenter<ServletExchange, ServletExchange> instrumenter, Context context) {
    this.instrumenter = instrumenter;
    this.context = context;
  }

  HttpServletRequest request() {
    return request;
  }

  HttpServletResponse response() {
    return response;
  }

  TracedRequest tracedRequest() {
    return tracedRequest;
  }

  TracedResponse tracedResponse() {
    return tracedResponse;
  }

  Context context() {
    return context;
  }

  /** Called when the app starts async processing: the span then ends with the async cycle. */
  void asyncStarted(AsyncContext asyncContext) {
    if (listening.compareAndSet(false, true)) {
      asyncContext.addListener(new AsyncEnd(this));
    }
  }

  void asyncError(Throwable error) {
    if (error != null) {
      asyncError = error;
    }
  }

  /** After the filter chain returned or threw: ends now, or leaves it to the async listener. */
  void afterChain(Throwable error) {
    if (context == null) {
      return;
    }
    boolean async;
    try {
      async = request.isAsyncStarted();
      if (async) {
        asyncError(error);
        asyncStarted(request.getAsyncContext()); // if the app started async on the raw request
      }
    } catch (RuntimeException e) {
      InstrumentationSupport.failed("follow an async servlet request", e);
      async = false;
    }
    if (!async) {
      end(error);
    }
  }

  /** Ends the span once, however many paths lead here. */
  void end(Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    try {
      instrumenter.end(context, this, this, error != null ? error : asyncError);
    } catch (RuntimeException | LinkageError e) {
      InstrumentationSupport.failed("end a servlet span", e);
    }
  }
}
