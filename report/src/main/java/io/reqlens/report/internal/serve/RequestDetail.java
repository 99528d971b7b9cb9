package io.reqlens.report.internal.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.core.event.EventKind;
import io.reqlens.report.internal.analysis.Request;
import io.reqlens.report.internal.analysis.WindowStore;
import io.reqlens.report.internal.input.Event;
import io.reqlens.report.internal.input.EventParser;
import io.reqlens.report.internal.render.FlameGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request in full, for the request page: its figures from the window, its events (queries,
 * functions, exceptions, profile) read again from the event file around its {@code REQ} line, and
 * its local trace from the span files when they have it.
 */
final class RequestDetail {

  /** Bytes read before a {@code REQ} line for its children (written before it, in one batch). */
  static final long BEFORE = 2L << 20;

  /** And after it (an exception of the server span is written just after). */
  static final long AFTER = 256L << 10;

  /** Queries listed at most. */
  static final int MAX_QUERIES = 2_000;

  private static final class Query {
    String spanId;
    String parentSpanId;
    long tsNs;
    long durNs;
    String system;
    String operation;
    String collection;
    String statement;
    long rows;
    boolean error;
    String caller;
  }

  private final String traceId;
  private final int nPlusOne;
  private Request request;
  private final List<Query> queries = new ArrayList<>();
  private final List<String[]> functions = new ArrayList<>();
  private final List<String[]> exceptions = new ArrayList<>();
  private final List<SpanView> spans = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final FlameGraph flame = new FlameGraph();
  private long profileSamples;
  private long intervalNs;
  private long queriesSeen;

  private RequestDetail(String traceId, int nPlusOne) {
    this.traceId = traceId;
    this.nPlusOne = nPlusOne;
  }

  /** Null when the trace is in neither the window nor the span index. */
  static RequestDetail load(Model model, String traceId) {
    List<WindowStore.Found> found;
    long[] spanLines;
    List<Path> spanFiles = new ArrayList<>();
    Path eventFile = null;
    long offset = -1;
    synchronized (model) {
      found = model.store.find(traceId);
      spanLines = model.spans.find(traceId);
      if (spanLines != null) {
        for (int i = 0; i < spanLines.length; i += 2) {
          TrackedFile f = model.files.get((int) spanLines[i]);
          spanFiles.add(f == null ? null : f.path);
        }
      }
      if (!found.isEmpty()) {
        TrackedFile f = model.files.get(found.get(0).fileId);
        eventFile = f == null ? null : f.path;
        offset = found.get(0).offset;
      }
    }
    if (found.isEmpty() && spanLines == null) {
      return null;
    }
    RequestDetail d = new RequestDetail(traceId, model.config.analysis.nPlusOneThreshold);
    if (!found.isEmpty()) {
      d.request = found.get(0).request;
      if (found.size() > 1) {
        d.notes.add(found.size() + " server requests share this trace id; showing the first");
      }
      d.readEvents(eventFile, offset);
    }
    d.readSpans(spanFiles, spanLines);
    return d;
  }

  private void readEvents(Path file, long offset) {
    if (file == null || offset < 0) {
      notes.add("the event file of this request is gone (retention): figures only");
      return;
    }
    EventParser parser = new EventParser();
    try {
      LineReads.linesWith(
          file,
          offset - BEFORE,
          offset + AFTER,
          traceId,
          line -> {
            if (parser.parse(line, 0, line.length) == EventParser.Result.OK) {
              event(parser.event());
            }
          });
    } catch (IOException e) {
      notes.add("cannot read " + file.getFileName() + ": " + e.getMessage());
    }
    if (queriesSeen > queries.size()) {
      notes.add("showing " + queries.size() + " of " + queriesSeen + " queries");
    }
  }

  private void event(Event e) {
    if (!traceId.equals(e.traceId)) {
      return;
    }
    if (e.kind == EventKind.DB) {
      queriesSeen++;
      if (queries.size() >= MAX_QUERIES) {
        return;
      }
      Query q = new Query();
      q.spanId = e.spanId;
      q.parentSpanId = e.parentSpanId;
      q.tsNs = e.tsNs;
      q.durNs = e.durNs;
      q.system = e.dbSystem;
      q.operation = e.operation;
      q.collection = e.collection;
      q.statement = SpanLines.sanitize(e.dbSystem, e.query);
      q.rows = e.rows;
      q.error = e.error;
      q.caller = e.caller;
      queries.add(q);
    } else if (e.kind == EventKind.FN) {
      functions.add(
          new String[] {
            e.spanId, e.parentSpanId, e.fn, String.valueOf(e.tsNs), String.valueOf(e.durNs)
          });
    } else if (e.kind == EventKind.REQ_META) {
      exceptions.add(new String[] {e.exceptionType, e.exceptionValue, e.traceback});
    } else if (e.kind == EventKind.PROF) {
      flame.addAll(e.stacks);
      profileSamples += Math.max(0, e.samples);
      intervalNs = e.intervalNs;
    }
  }

  private void readSpans(List<Path> files, long[] lines) {
    if (lines == null) {
      notes.add(
          "no span lines for this trace (enable the jsonl exporter, or they left the window):"
              + " the waterfall is drawn from the events");
      return;
    }
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      if (f == null) {
        notes.add("a span file of this trace is gone (retention)");
        continue;
      }
      try {
        byte[] line = LineReads.lineAt(f, lines[2 * i + 1]);
        if (line != null) {
          SpanLines.collect(JsonTree.parse(line, 0, line.length), traceId, spans);
        }
      } catch (IOException | RuntimeException e) {
        notes.add("cannot read spans from " + f.getFileName() + ": " + e.getMessage());
      }
    }
    Map<String, SpanView> unique = new LinkedHashMap<>();
    for (SpanView s : spans) {
      unique.putIfAbsent(s.spanId, s);
    }
    spans.clear();
    spans.addAll(unique.values());
    spans.sort((a, b) -> Long.compare(a.startNs, b.startNs));
  }

  void write(JsonGenerator g, String traceLink) throws IOException {
    g.writeStartObject();
    g.writeStringField("trace_id", traceId);
    g.writeStringField(
        "trace_link", traceLink == null ? null : traceLink.replace("{trace_id}", traceId));
    g.writeFieldName("request");
    if (request == null) {
      g.writeNull();
    } else {
      ApiJson.request(request, g);
    }
    g.writeArrayFieldStart("spans");
    for (SpanView s : spans) {
      span(s, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("queries");
    for (Query q : queries) {
      g.writeStartObject();
      g.writeStringField("span_id", q.spanId);
      g.writeStringField("parent_span_id", q.parentSpanId);
      g.writeNumberField("ts_ns", q.tsNs);
      g.writeNumberField("dur_ns", q.durNs);
      g.writeStringField("db_system", q.system);
      g.writeStringField("operation", q.operation);
      g.writeStringField("collection", q.collection);
      g.writeStringField("statement", q.statement);
      ApiJson.nullableLong("rows", q.rows, g);
      g.writeBooleanField("error", q.error);
      g.writeStringField("caller", q.caller);
      g.writeEndObject();
    }
    g.writeEndArray();
    nPlusOne(g);
    g.writeArrayFieldStart("functions");
    for (String[] f : functions) {
      g.writeStartObject();
      g.writeStringField("span_id", f[0]);
      g.writeStringField("parent_span_id", f[1]);
      g.writeStringField("fn", f[2]);
      g.writeNumberField("ts_ns", Long.parseLong(f[3]));
      g.writeNumberField("dur_ns", Long.parseLong(f[4]));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("exceptions");
    for (String[] e : exceptions) {
      g.writeStartObject();
      g.writeStringField("type", e[0]);
      g.writeStringField("message", e[1]);
      g.writeStringField("traceback", e[2]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("profile");
    if (flame.samples() == 0) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeNumberField("samples", profileSamples);
      g.writeNumberField("interval_ns", intervalNs);
      g.writeFieldName("tree");
      flame.write(g);
      g.writeEndObject();
    }
    ApiJson.strings("notes", notes, g);
    g.writeEndObject();
  }

  /** Statements run at least the N+1 threshold times in this request, most repeated first. */
  private void nPlusOne(JsonGenerator g) throws IOException {
    Map<String, List<Query>> byStatement = new LinkedHashMap<>();
    for (Query q : queries) {
      String key = q.statement != null ? q.statement : q.operation + " " + q.collection;
      byStatement.computeIfAbsent(key, k -> new ArrayList<>()).add(q);
    }
    List<Map.Entry<String, List<Query>>> groups = new ArrayList<>();
    for (Map.Entry<String, List<Query>> e : byStatement.entrySet()) {
      if (e.getValue().size() >= nPlusOne) {
        groups.add(e);
      }
    }
    groups.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
    g.writeArrayFieldStart("n_plus_one");
    for (Map.Entry<String, List<Query>> e : groups) {
      long total = 0;
      for (Query q : e.getValue()) {
        total += Math.max(0, q.durNs);
      }
      g.writeStartObject();
      g.writeStringField("statement", e.getKey());
      g.writeNumberField("count", e.getValue().size());
      g.writeNumberField("total_ns", total);
      g.writeStringField("caller", e.getValue().get(0).caller);
      g.writeArrayFieldStart("span_ids");
      for (Query q : e.getValue()) {
        g.writeString(q.spanId);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("n_plus_one_threshold", nPlusOne);
  }

  private static void span(SpanView s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("span_id", s.spanId);
    g.writeStringField("parent_span_id", s.parentSpanId);
    g.writeStringField("name", s.name);
    g.writeStringField("kind", s.kind);
    g.writeNumberField("start_ns", s.startNs);
    g.writeNumberField("end_ns", s.endNs);
    g.writeNumberField("dur_ns", s.endNs - s.startNs);
    g.writeStringField("status", s.status);
    g.writeStringField("status_message", s.statusMessage);
    g.writeStringField("service", s.service);
    g.writeStringField("db_system", s.dbSystem);
    g.writeStringField("statement", s.statement);
    g.writeObjectFieldStart("attributes");
    for (Map.Entry<String, String> a : s.attributes.entrySet()) {
      g.writeStringField(a.getKey(), a.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("exceptions");
    for (String[] e : s.exceptions) {
      g.writeStartObject();
      g.writeStringField("type", e[0]);
      g.writeStringField("message", e[1]);
      g.writeStringField("stacktrace", e[2]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
