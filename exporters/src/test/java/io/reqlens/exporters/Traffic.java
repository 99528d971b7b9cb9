package io.reqlens.exporters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Numbered requests for the reliability tests, and a census of what reached the event files: every
 * request {@code n} is one SERVER span whose path is {@code /api/items/n}, so each {@code REQ} line
 * says which request it is.
 */
final class Traffic {

  private Traffic() {}

  /** Server spans for requests {@code first .. first+count-1}. */
  static List<SpanData> requests(long first, int count) {
    List<SpanData> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long n = first + i;
      String trace = String.format(Locale.ROOT, "%032x", n + 1);
      String span = String.format(Locale.ROOT, "%016x", n + 1);
      out.add(
          TestSpanData.builder()
              .setSpanContext(
                  SpanContext.create(trace, span, TraceFlags.getSampled(), TraceState.getDefault()))
              .setResource(TestSpans.RESOURCE)
              .setInstrumentationScopeInfo(TestSpans.TOMCAT)
              .setName("GET /api/items/{id}")
              .setKind(SpanKind.SERVER)
              .setStartEpochNanos(TestSpans.T0 + n * 1000)
              .setEndEpochNanos(TestSpans.T0 + n * 1000 + 2_000_000)
              .setAttributes(
                  Attributes.builder()
                      .put("http.request.method", "GET")
                      .put("http.route", "/api/items/{id}")
                      .put("url.path", "/api/items/" + n)
                      .put("http.response.status_code", 200L)
                      .build())
              .setTotalAttributeCount(4)
              .setStatus(StatusData.unset())
              .setHasEnded(true)
              .build());
    }
    return out;
  }

  /** What a folder of event files holds. */
  static final class Census {
    final BitSet seen = new BitSet();
    long lines;
    long unparseable;
    long duplicates;
    long activeFiles;

    /** Requests acknowledged but not in the files. */
    long lost(BitSet acked) {
      BitSet missing = (BitSet) acked.clone();
      missing.andNot(seen);
      return missing.cardinality();
    }

    /** Requests in the files that were never acknowledged (written, but reported as failed). */
    long unacknowledged(BitSet acked) {
      BitSet extra = (BitSet) seen.clone();
      extra.andNot(acked);
      return extra.cardinality();
    }
  }

  /** Reads every closed and active {@code events-*} file of {@code dir}. */
  static Census census(Path dir) throws IOException {
    Census c = new Census();
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("events-"))
              .sorted()
              .collect(Collectors.toList());
    }
    for (Path f : files) {
      if (f.getFileName().toString().endsWith(".active")) {
        c.activeFiles++;
      }
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      if (!text.isEmpty() && !text.endsWith("\n")) {
        c.unparseable++; // a torn last line
      }
      for (String line : text.split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        c.lines++;
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (IOException e) {
          c.unparseable++;
          continue;
        }
        String path = node.path("path").asText("");
        int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        if (c.seen.get(n)) {
          c.duplicates++;
        }
        c.seen.set(n);
      }
    }
    return c;
  }

  /** One line of figures, printed by every reliability test (the README and notes quote them). */
  static void figures(String test, String how, Object... keyValues) {
    StringBuilder b = new StringBuilder("RELIABILITY ").append(test).append(" [").append(how);
    b.append("]");
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      b.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
    }
    System.out.println(b);
  }
}
