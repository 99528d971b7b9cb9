package io.reqlens.core.event;

import static io.reqlens.core.event.EventField.KIND;
import static io.reqlens.core.event.EventField.SAMPLE_RATE;
import static io.reqlens.core.event.EventField.SERVICE;
import static io.reqlens.core.event.EventField.SERVICE_VERSION;
import static io.reqlens.core.event.EventField.SPAN_ID;
import static io.reqlens.core.event.EventField.TRACE_ID;
import static io.reqlens.core.event.EventField.TS_NS;
import static io.reqlens.core.event.EventField.V;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The request-profile event schema: its version and the header every line starts with. Readers
 * reject lines with a larger {@code v}; adding a kind or a key keeps the version (readers skip what
 * they do not know), changing the meaning or type of a key bumps it.
 */
public final class EventSchema {

  /** Written as {@code "v"} on every line. */
  public static final int VERSION = 1;

  /** The keys every kind starts with, in write order. */
  public static final List<EventField> COMMON =
      Collections.unmodifiableList(
          Arrays.asList(KIND, V, TS_NS, TRACE_ID, SPAN_ID, SERVICE, SERVICE_VERSION, SAMPLE_RATE));

  private EventSchema() {}
}
