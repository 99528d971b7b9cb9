package io.reqlens.report.internal.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.core.config.Durations;
import io.reqlens.report.internal.cli.VersionProvider;
import io.reqlens.report.internal.input.InputStats;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** {@code /api/v1/status}: what is followed, what the window holds and its bounds. */
final class Status {

  private Status() {}

  /** Call under the model's lock. */
  static void write(Model m, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("reqlens", VersionProvider.version());
    g.writeNumberField("data_version", m.store.version());
    g.writeBooleanField("ready", m.polls > 0);
    g.writeFieldName("window");
    window(m, g);
    g.writeObjectFieldStart("requests");
    g.writeNumberField("stored", m.store.size());
    g.writeNumberField("max", m.store.maxRequests());
    g.writeNumberField("added", m.store.added());
    g.writeNumberField("evicted_by_window", m.store.evictedByWindow());
    g.writeNumberField("evicted_by_cap", m.store.evictedByCap());
    g.writeNumberField("older_than_window", m.ingest.olderThanWindow());
    g.writeNumberField("filtered_out", m.ingest.filteredOut());
    g.writeNumberField("orphan_events", m.ingest.assembler().orphanEvents());
    g.writeEndObject();
    g.writeObjectFieldStart("files");
    int events = 0;
    int spans = 0;
    for (TrackedFile f : m.files.values()) {
      if (f.kind == TrackedFile.Kind.EVENTS) {
        events++;
      } else {
        spans++;
      }
    }
    g.writeNumberField("event_files", events);
    g.writeNumberField("span_files", spans);
    g.writeNumberField("skipped_older_than_window", m.filesSkippedOld);
    g.writeNumberField("gone", m.filesGone);
    g.writeNumberField("bytes_read", m.bytesRead);
    g.writeNumberField("polls", m.polls);
    g.writeNumberField("last_poll_ns", m.lastPollNs);
    g.writeEndObject();
    InputStats in = m.ingest.lines().stats();
    g.writeObjectFieldStart("lines");
    g.writeNumberField("events", in.events());
    g.writeObjectFieldStart("skipped");
    for (InputStats.Skip s : InputStats.Skip.values()) {
      g.writeNumberField(s.name().toLowerCase(Locale.ROOT), in.skipped(s));
    }
    g.writeEndObject();
    ApiJson.strings("problems", in.examples(), g);
    g.writeNumberField("span_lines", m.spans.linesRead());
    g.writeEndObject();
    g.writeObjectFieldStart("indexes");
    g.writeNumberField("span_traces", m.spans.size());
    g.writeNumberField("span_traces_max", m.config.maxSpanTraces);
    g.writeNumberField("profiles", m.profiles.size());
    g.writeNumberField("profiles_max", m.config.maxProfiles);
    g.writeEndObject();
    g.writeObjectFieldStart("versions");
    for (Map.Entry<String, Long> v : m.store.versions().entrySet()) {
      g.writeNumberField(v.getKey(), v.getValue());
    }
    g.writeEndObject();
    g.writeStringField("filters", m.config.filter.description());
    g.writeStringField("trace_link", m.config.traceLink);
    g.writeStringField("problem", m.lastProblem);
    g.writeEndObject();
  }

  /** The window: asked length, its start now, and what the stored requests cover. */
  static void window(Model m, JsonGenerator g) throws IOException {
    long now = m.config.nowNs();
    g.writeStartObject();
    g.writeNumberField("now_ns", now);
    g.writeNumberField("window_ns", m.config.windowNs);
    g.writeStringField("window", Durations.format(java.time.Duration.ofNanos(m.config.windowNs)));
    g.writeNumberField("start_ns", now - m.config.windowNs);
    g.writeNumberField("oldest_ns", m.store.oldestNs());
    g.writeNumberField("requests", m.store.size());
    g.writeNumberField("max_requests", m.store.maxRequests());
    g.writeBooleanField("capped", m.store.evictedByCap() > 0);
    g.writeBooleanField("ready", m.polls > 0);
    g.writeNumberField("data_version", m.store.version());
    g.writeEndObject();
  }
}
