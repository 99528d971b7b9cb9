package io.reqlens.report.internal.input;

/** Receives each valid event; the {@link Event} is reused after the call returns. */
@FunctionalInterface
public interface EventSink {
  void accept(Event event);
}
