package io.reqlens.report.internal.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.reqlens.core.event.EventField;
import java.io.IOException;

/**
 * Maps one JSON key of an event line onto {@link Event}, by the schema's {@link EventField}; keys
 * the schema does not know are skipped.
 */
final class EventFields {

  /** At most this many folded stacks are read from one PROF line (the writer bounds them too). */
  static final int MAX_STACKS = 4096;

  private EventFields() {}

  static void set(Event e, String name, JsonToken t, JsonParser p) throws IOException {
    EventField field = EventField.forKey(name);
    if (field == null) {
      p.skipChildren();
      return;
    }
    // A switch on the enum: a map of setters would box every number.
    switch (field) {
      case V:
        e.version = number(t, p, 1);
        break;
      case TS_NS:
        e.tsNs = number(t, p, Event.NONE);
        break;
      case TRACE_ID:
        e.traceId = text(t, p);
        break;
      case SPAN_ID:
        e.spanId = text(t, p);
        break;
      case PARENT_SPAN_ID:
        e.parentSpanId = text(t, p);
        break;
      case SERVICE:
        e.service = text(t, p);
        break;
      case SERVICE_VERSION:
        e.serviceVersion = text(t, p);
        break;
      case SAMPLE_RATE:
        // A non-number where a rate belongs is as impossible as a rate of 0: see EventParser.
        e.sampleRate =
            t.isNumeric() ? p.getDoubleValue() : t == JsonToken.VALUE_NULL ? Double.NaN : -1;
        break;
      case METHOD:
        e.method = text(t, p);
        break;
      case ROUTE:
        e.route = text(t, p);
        break;
      case PATH:
        e.path = text(t, p);
        break;
      case STATUS:
        e.status = number(t, p, Event.NONE);
        break;
      case DUR_NS:
        e.durNs = number(t, p, Event.NONE);
        break;
      case BYTES_IN:
        e.bytesIn = number(t, p, Event.NONE);
        break;
      case BYTES_OUT:
        e.bytesOut = number(t, p, Event.NONE);
        break;
      case ERROR:
        e.error = t == JsonToken.VALUE_TRUE;
        break;
      case DB_COUNT:
        e.dbCount = number(t, p, Event.NONE);
        break;
      case DB_DUR_NS:
        e.dbDurNs = number(t, p, Event.NONE);
        break;
      case DB_SYSTEM:
        e.dbSystem = text(t, p);
        break;
      case OPERATION:
        e.operation = text(t, p);
        break;
      case COLLECTION:
        e.collection = text(t, p);
        break;
      case QUERY:
        e.query = text(t, p);
        break;
      case ROWS:
        e.rows = number(t, p, Event.NONE);
        break;
      case CALLER:
        e.caller = text(t, p);
        break;
      case FN:
        e.fn = text(t, p);
        break;
      case EXCEPTION_TYPE:
        e.exceptionType = text(t, p);
        break;
      case EXCEPTION_VALUE:
        e.exceptionValue = text(t, p);
        break;
      case TRACEBACK:
        e.traceback = text(t, p);
        break;
      case INTERVAL_NS:
        e.intervalNs = number(t, p, Event.NONE);
        break;
      case SAMPLES:
        e.samples = number(t, p, Event.NONE);
        break;
      case STACKS:
        stacks(e, t, p);
        break;
      default: // KIND is read by the parser itself
        p.skipChildren();
    }
  }

  private static void stacks(Event e, JsonToken t, JsonParser p) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
      if (item == JsonToken.VALUE_STRING && e.stacks.size() < MAX_STACKS) {
        e.stacks.add(p.getText());
      } else {
        p.skipChildren();
      }
    }
  }

  private static String text(JsonToken t, JsonParser p) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static long number(JsonToken t, JsonParser p, long missing) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      // (long) of NaN is 0 and of 1e300 is Long.MAX_VALUE: neither may pass as real.
      return Double.isFinite(d) && Math.abs(d) < 0x1p62 ? (long) d : -1;
    }
    p.skipChildren();
    return missing;
  }
}
