package io.reqlens.core.event;

import static io.reqlens.core.event.EventField.BYTES_IN;
import static io.reqlens.core.event.EventField.BYTES_OUT;
import static io.reqlens.core.event.EventField.CALLER;
import static io.reqlens.core.event.EventField.COLLECTION;
import static io.reqlens.core.event.EventField.DB_COUNT;
import static io.reqlens.core.event.EventField.DB_DUR_NS;
import static io.reqlens.core.event.EventField.DB_SYSTEM;
import static io.reqlens.core.event.EventField.DUR_NS;
import static io.reqlens.core.event.EventField.ERROR;
import static io.reqlens.core.event.EventField.EXCEPTION_TYPE;
import static io.reqlens.core.event.EventField.EXCEPTION_VALUE;
import static io.reqlens.core.event.EventField.FN;
import static io.reqlens.core.event.EventField.INTERVAL_NS;
import static io.reqlens.core.event.EventField.METHOD;
import static io.reqlens.core.event.EventField.OPERATION;
import static io.reqlens.core.event.EventField.PARENT_SPAN_ID;
import static io.reqlens.core.event.EventField.PATH;
import static io.reqlens.core.event.EventField.QUERY;
import static io.reqlens.core.event.EventField.ROUTE;
import static io.reqlens.core.event.EventField.ROWS;
import static io.reqlens.core.event.EventField.SAMPLES;
import static io.reqlens.core.event.EventField.STACKS;
import static io.reqlens.core.event.EventField.STATUS;
import static io.reqlens.core.event.EventField.TRACEBACK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The kinds of request-profile events and the keys each carries, in the order the writer writes
 * them: first the {@link EventSchema#COMMON} header, then the kind's own keys. Every key is always
 * present; {@code null} where unknown.
 */
public enum EventKind {
  /** One per kept SERVER span. */
  REQ(METHOD, ROUTE, PATH, STATUS, DUR_NS, BYTES_IN, BYTES_OUT, ERROR, DB_COUNT, DB_DUR_NS),
  /** One per exception recorded on a kept server span or its local trace. */
  REQ_META(ROUTE, EXCEPTION_TYPE, EXCEPTION_VALUE, TRACEBACK),
  /** One per kept database CLIENT span. */
  DB(PARENT_SPAN_ID, DB_SYSTEM, OPERATION, COLLECTION, QUERY, DUR_NS, ROWS, ERROR, CALLER),
  /** One per kept INTERNAL span. */
  FN(PARENT_SPAN_ID, EventField.FN, DUR_NS, ERROR),
  /** One per kept local trace that was stack-sampled. */
  PROF(ROUTE, INTERVAL_NS, SAMPLES, STACKS);

  private final List<EventField> own;
  private final List<EventField> fields;

  EventKind(EventField... own) {
    this.own = Collections.unmodifiableList(Arrays.asList(own));
    List<EventField> all = new ArrayList<>(EventSchema.COMMON);
    all.addAll(this.own);
    this.fields = Collections.unmodifiableList(all);
  }

  /** Every key of this kind, header first, in write order. */
  public List<EventField> fields() {
    return fields;
  }

  /** The keys beyond the common header. */
  public List<EventField> ownFields() {
    return own;
  }

  /** The kind named {@code name} (as written in {@code "kind"}), or null. */
  public static EventKind forName(String name) {
    switch (name) {
      case "REQ":
        return REQ;
      case "REQ_META":
        return REQ_META;
      case "DB":
        return DB;
      case "FN":
        return FN;
      case "PROF":
        return PROF;
      default:
        return null;
    }
  }
}
