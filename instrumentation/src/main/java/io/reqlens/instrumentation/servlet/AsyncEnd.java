package io.reqlens.instrumentation.servlet;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/** Ends an async request's span when the response completes, whatever thread completes it. */
final class AsyncEnd implements AsyncListener {

  private final ServletExchange exchange;

  AsyncEnd(ServletExchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public void onComplete(AsyncEvent event) {
    exchange.end(null);
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // the container now dispatches its error handling and then completes: the span ends then,
    // with the status the timeout produced
  }

  @Override
  public void onError(AsyncEvent event) {
    exchange.asyncError(event.getThrowable());
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // a new async cycle forgets its listeners: join it again
    event.getAsyncContext().addListener(this);
  }
}
