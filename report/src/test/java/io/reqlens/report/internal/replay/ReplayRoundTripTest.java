package io.reqlens.report.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.exporters.JsonlSpanExporter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spans → the real {@code jsonl} exporter → files → replay → a real OTLP/HTTP receiver: what
 * arrives equals, field for field on the wire, what the SDK's marshaler makes of the original
 * spans.
 */
class ReplayRoundTripTest {

  @TempDir Path dir;

  @Test
  void otlpFilesArriveExactlyAsTheOriginalSpans() throws Exception {
    List<SpanData> spans = ReplaySpans.all(40);
    write(spans, JsonlSpanExporter.Format.OTLP);

    try (HttpSink sink = HttpSink.start()) {
      Run r = Run.of(dir, "--endpoint", sink.endpoint(), "--batch-size", "7");
      assertThat(r.code).as(r.err).isEqualTo(Replay.OK);
      assertThat(sink.requests()).hasSize(6); // 40 spans in batches of 7
      List<ResourceSpans> got = Flattened.of(sink.requests());
      List<ResourceSpans> want = Flattened.of(spans);
      assertThat(got).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertThat(got.get(i).toString()).isEqualTo(want.get(i).toString());
        assertThat(got.get(i)).isEqualTo(want.get(i));
      }
      assertThat(r.out)
          .contains("sent 40 span(s) in 6 batch(es) to http/protobuf " + sink.endpoint());
    }
  }

  @Test
  void flatFilesArriveWithEverythingTheFormatHolds() throws Exception {
    List<SpanData> spans = ReplaySpans.all(10);
    write(spans, JsonlSpanExporter.Format.FLAT);

    try (HttpSink sink = HttpSink.start()) {
      Run r = Run.of(dir, "--endpoint", sink.endpoint());
      assertThat(r.code).as(r.err).isEqualTo(Replay.OK);
      List<ResourceSpans> got = Flattened.of(sink.requests());
      List<ResourceSpans> want = Flattened.of(spans);
      assertThat(got).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertThat(flatView(got.get(i))).isEqualTo(flatView(want.get(i)));
      }
      assertThat(got.stream().map(Flattened::span).filter(sp -> sp.getName().startsWith("POST")))
          .singleElement()
          .extracting(Span::getAttributesList)
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(KeyValue.class))
          .filteredOn(kv -> kv.getKey().equals("reqlens.nan"))
          .singleElement()
          .extracting(kv -> kv.getValue().getStringValue())
          .isEqualTo("NaN");
    }
  }

  /**
   * What the flat format keeps: no flags, dropped counts, schema URLs, scope version, link state.
   */
  private static String flatView(ResourceSpans rs) {
    Span s = Flattened.span(rs);
    return String.join(
        "\n",
        Flattened.key(rs),
        s.getParentSpanId().toStringUtf8(),
        s.getTraceState(),
        s.getName(),
        s.getKind().toString(),
        s.getStartTimeUnixNano() + "-" + s.getEndTimeUnixNano(),
        sorted(s.getAttributesList()),
        s.getStatus().toString(),
        s.getEventsList().stream()
            .map(e -> e.getName() + e.getTimeUnixNano() + sorted(e.getAttributesList()))
            .collect(Collectors.joining()),
        s.getLinksList().stream()
            .map(l -> l.getSpanId().toStringUtf8() + sorted(l.getAttributesList()))
            .collect(Collectors.joining()),
        sorted(rs.getResource().getAttributesList()),
        rs.getScopeSpans(0).getScope().getName());
  }

  /**
   * Attributes in key order. Two the flat format cannot type are left out: a non-finite double is
   * written as a string there ({@code "NaN"}) and bytes as base64 text, so they come back as
   * strings (README: replay, limits).
   */
  private static String sorted(List<KeyValue> kvs) {
    return kvs.stream()
        .filter(kv -> !kv.getKey().equals("reqlens.nan") && !kv.getKey().equals("shape"))
        .map(KeyValue::toString)
        .sorted()
        .collect(Collectors.joining("|"));
  }

  private void write(List<SpanData> spans, JsonlSpanExporter.Format format) {
    JsonlSpanExporter exporter =
        JsonlSpanExporter.builder().setDirectory(dir).setFormat(format).build();
    // Several lines: batches of 9, as a BatchSpanProcessor would hand them over.
    for (int i = 0; i < spans.size(); i += 9) {
      exporter.export(spans.subList(i, Math.min(spans.size(), i + 9))).join(5, TimeUnit.SECONDS);
    }
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }
}
