package io.reqlens.report.internal.input;

/**
 * Receives each valid event; the {@link Event} is reused after the call returns.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
@FunctionalInterface
public interface EventSink {
  void accept(Event event);
}
