package io.reqlens.exporters;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;

/** Turns a batch of spans into whole JSON lines (each ended with {@link JsonWriter#newline()}). */
interface SpanEncoder {

  /**
   * Appends the lines for {@code spans}. A span that cannot be encoded is left out (its partial
   * output undone) and counted in the return value; nothing is thrown.
   *
   * @return how many spans were dropped
   */
  int encode(Collection<SpanData> spans, JsonWriter out);

  /** Appends lines still held back (the request-event encoder holds some); 0 dropped by default. */
  default int flushPending(JsonWriter out, boolean all) {
    return 0;
  }
}
