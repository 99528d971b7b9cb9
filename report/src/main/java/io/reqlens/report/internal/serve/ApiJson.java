package io.reqlens.report.internal.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.report.internal.analysis.Request;
import io.reqlens.report.internal.input.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** Small JSON pieces of the dashboard's API that the report document does not have. */
final class ApiJson {

  private static final JsonFactory JSON = new JsonFactory();

  private ApiJson() {}

  /** Something that writes one JSON value. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] bytes(Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    }
    return out.toByteArray();
  }

  /** A request as the report lists it, plus what the request page adds. */
  static void request(Request r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("ts_ns", r.tsNs());
    g.writeStringField("trace_id", r.traceId);
    g.writeStringField("span_id", r.spanId());
    g.writeStringField("service", r.service());
    g.writeStringField("service_version", r.serviceVersion());
    g.writeStringField("method", r.method());
    g.writeStringField("route", r.route());
    g.writeStringField("path", r.path());
    if (r.status() < 0) {
      g.writeNullField("status");
    } else {
      g.writeNumberField("status", r.status());
    }
    g.writeNumberField("dur_ns", r.durNs());
    g.writeBooleanField("error", r.error());
    g.writeNumberField("queries", r.queries());
    g.writeNumberField("db_dur_ns", r.dbNs());
    nullableLong("bytes_in", r.bytesIn(), g);
    nullableLong("bytes_out", r.bytesOut(), g);
    g.writeNumberField("sample_rate", 1 / r.weight());
    g.writeEndObject();
  }

  static void nullableLong(String name, long v, JsonGenerator g) throws IOException {
    if (v == Event.NONE || v < 0) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, v);
    }
  }

  static void strings(String name, List<String> values, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }
}
