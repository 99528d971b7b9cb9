package io.reqlens.report.internal.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Maps one JSON key of an event line onto {@link Event}; unknown keys are skipped. */
final class EventFields {

  private EventFields() {}

  static void set(Event e, String name, JsonToken t, JsonParser p) throws IOException {
    // A switch on the (canonicalized) key: a map of setters would box every number.
    switch (name) {
      case "v":
        e.version = number(t, p, 1);
        break;
      case "ts_ns":
        e.tsNs = number(t, p, Event.NONE);
        break;
      case "trace_id":
        e.traceId = text(t, p);
        break;
      case "span_id":
        e.spanId = text(t, p);
        break;
      case "parent_span_id":
        e.parentSpanId = text(t, p);
        break;
      case "service":
        e.service = text(t, p);
        break;
      case "service_version":
        e.serviceVersion = text(t, p);
        break;
      case "sample_rate":
        e.sampleRate = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
        break;
      case "method":
        e.method = text(t, p);
        break;
      case "route":
        e.route = text(t, p);
        break;
      case "path":
        e.path = text(t, p);
        break;
      case "status":
        e.status = number(t, p, Event.NONE);
        break;
      case "dur_ns":
        e.durNs = number(t, p, Event.NONE);
        break;
      case "bytes_in":
        e.bytesIn = number(t, p, Event.NONE);
        break;
      case "bytes_out":
        e.bytesOut = number(t, p, Event.NONE);
        break;
      case "error":
        e.error = t == JsonToken.VALUE_TRUE;
        break;
      case "db_count":
        e.dbCount = number(t, p, Event.NONE);
        break;
      case "db_dur_ns":
        e.dbDurNs = number(t, p, Event.NONE);
        break;
      default:
        setRare(e, name, t, p);
    }
  }

  private static void setRare(Event e, String name, JsonToken t, JsonParser p) throws IOException {
    switch (name) {
      case "db_system":
        e.dbSystem = text(t, p);
        break;
      case "operation":
        e.operation = text(t, p);
        break;
      case "collection":
        e.collection = text(t, p);
        break;
      case "query":
        e.query = text(t, p);
        break;
      case "rows":
        e.rows = number(t, p, Event.NONE);
        break;
      case "fn":
        e.fn = text(t, p);
        break;
      case "exception_type":
        e.exceptionType = text(t, p);
        break;
      case "exception_value":
        e.exceptionValue = text(t, p);
        break;
      case "traceback":
        e.traceback = text(t, p);
        break;
      default:
        p.skipChildren();
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
      return (long) p.getDoubleValue();
    }
    p.skipChildren();
    return missing;
  }
}
