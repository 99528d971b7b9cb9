package io.reqlens.report.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.exporters.JsonlSpanExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is counted and skipped; filters, dry runs, variables and usage errors. */
class ReplayInputTest {

  @TempDir Path dir;

  @Test
  void badAndTornLinesAreCountedAndSkippedNeverFatal() throws Exception {
    Path good = write(ReplaySpans.all(18), 9);
    List<String> lines = Files.readAllLines(good);
    Files.writeString(
        good,
        "not json\n"
            + lines.get(0)
            + "\n{\"trace_id\":\"xyz\",\"span_id\":\"00f067aa0ba902b7\"}\n\n{\"kind\":\"REQ\"}\n"
            + lines.get(1)
            + "\n{\"resourceSpans\":[{\"scopeSp");
    RecordingExporter e = new RecordingExporter(99);
    Run r = Run.direct(options(), e, Map.of());
    assertThat(r.code).as(r.err).isEqualTo(Replay.SKIPPED_INPUT);
    assertThat(e.ids).hasSize(18);
    assertThat(r.out)
        .contains("3 bad line(s), 1 torn last line(s)")
        .contains("at byte 0: not valid JSON")
        .contains("span without a valid trace id")
        .contains("not a span line");
  }

  @Test
  void activeFilesAreSkippedInFoldersAndReadWhenNamed() throws Exception {
    Path closed = write(ReplaySpans.all(9), 9);
    Files.copy(closed, dir.resolve("spans-1-b.jsonl.active"));
    RecordingExporter e = new RecordingExporter(99);
    Run r = Run.direct(options(), e, Map.of());
    assertThat(e.ids).hasSize(9);
    assertThat(r.out).contains("1 active file(s) (*.jsonl.active) skipped");

    ReplayOptions named = options();
    named.inputs.clear();
    named.inputs.add(dir.resolve("spans-1-b.jsonl.active"));
    named.checkpoint = dir.resolve("other.checkpoint");
    RecordingExporter e2 = new RecordingExporter(99);
    assertThat(Run.direct(named, e2, Map.of()).code).isZero();
    assertThat(e2.ids).hasSize(9);
  }

  @Test
  void sinceUntilAndServiceChooseSpansByStartTimeAndServiceName() throws Exception {
    write(ReplaySpans.all(12), 12);
    // Starts: T0 (root), T0+1s, T0+2s (billing), T0+3s, then T0+(4+i)s for i = 4..11.
    Run r =
        Run.of(
            dir,
            "--dry-run",
            "--since",
            "2025-11-21T04:40:02Z",
            "--until",
            "2025-11-21T04:40:10Z",
            "--service",
            "shop");
    assertThat(r.code).as(r.err).isEqualTo(Replay.OK);
    // In [T0+2s, T0+10s): T0+2s billing, T0+3s shop, T0+8s shop (i=4), T0+9s billing (i=5).
    assertThat(r.out)
        .contains("would send 2 span(s) in 1 batch(es) (dry run, nothing sent)")
        .contains("2 started before --since, 6 at or after --until, 2 of other services");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".checkpoint"))).isEmpty();
    }
  }

  @Test
  void variablesAreTheDefaultsAndHeadersAreSentNotPrinted() throws Exception {
    write(ReplaySpans.all(5), 5);
    try (HttpSink sink = HttpSink.start()) {
      ReplayOptions o = new ReplayOptions();
      o.inputs.add(dir);
      Run r =
          Run.direct(
              o,
              null,
              Map.of(
                  "OTEL_EXPORTER_OTLP_ENDPOINT", sink.endpoint() + "/",
                  "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                  "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "Authorization=Bearer%20s3cr3t",
                  "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"));
      assertThat(r.code).as(r.err).isZero();
      assertThat(sink.authorization()).containsOnly("Bearer s3cr3t");
      assertThat(r.out + r.err).doesNotContain("s3cr3t").contains(sink.endpoint() + "/v1/traces");
    }
  }

  @Test
  void usageErrorsNameTheOptionOrVariableAndWhatIsAccepted() throws Exception {
    write(ReplaySpans.all(5), 5);
    Run protocol = Run.of(dir, "--protocol", "http/json");
    assertThat(protocol.code).isEqualTo(Replay.USAGE);
    assertThat(protocol.err).contains("--protocol", "'http/json'", "accepted: grpc, http/protobuf");

    ReplayOptions o = new ReplayOptions();
    o.inputs.add(dir);
    assertThatThrownBy(
            () -> Run.direct(o, null, Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "localhost:1")))
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        .hasMessageContaining("an http:// or https:// URL");
    assertThat(Run.of(dir, "--since", "yesterday").err).contains("'yesterday' is not a time");
    assertThat(Run.of(dir, "--batch-size", "0").code).isEqualTo(Replay.USAGE);
    assertThat(Run.of(dir.resolve("missing")).code).isEqualTo(Replay.NOTHING);
  }

  private ReplayOptions options() {
    ReplayOptions o = new ReplayOptions();
    o.inputs.add(dir);
    o.endpoint = "http://127.0.0.1:9";
    return o;
  }

  private Path write(List<SpanData> spans, int perLine) throws Exception {
    JsonlSpanExporter exporter = JsonlSpanExporter.builder().setDirectory(dir).build();
    for (int i = 0; i < spans.size(); i += perLine) {
      exporter
          .export(spans.subList(i, Math.min(spans.size(), i + perLine)))
          .join(5, TimeUnit.SECONDS);
    }
    exporter.shutdown().join(5, TimeUnit.SECONDS);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> SpanFiles.isSpanFile(p.getFileName().toString())).findFirst().get();
    }
  }
}
