package io.reqlens.report.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.exporters.JsonlSpanExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint: an interrupted replay continues without sending a span twice. */
class ReplayResumeTest {

  @TempDir Path dir;

  @Test
  void aFailedReplayContinuesWhereTheEndpointLastSaidYes() throws Exception {
    List<SpanData> spans = ReplaySpans.all(50);
    write(spans, 9); // lines of 9: batches of 4 end inside lines
    List<String> all = spans.stream().map(s -> s.getTraceId() + "/" + s.getSpanId()).toList();

    RecordingExporter first = new RecordingExporter(3);
    Run r1 = Run.direct(options(4, 2), first, Map.of());
    assertThat(r1.code).as(r1.err).isEqualTo(Replay.EXPORT_FAILED);
    assertThat(first.ids).hasSize(12);
    assertThat(first.calls).isEqualTo(6); // the 4th batch: 1 try + 2 retries
    assertThat(r1.err).contains("retry 1/2", "retry 2/2", "Run the same command again");

    Path checkpoint = checkpointFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)))
        .isEqualTo("rw-------");

    RecordingExporter second = new RecordingExporter(Integer.MAX_VALUE);
    Run r2 = Run.direct(options(4, 2), second, Map.of());
    assertThat(r2.code).as(r2.err).isEqualTo(Replay.OK);

    List<String> union = new ArrayList<>(first.ids);
    union.addAll(second.ids);
    assertThat(union).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);

    RecordingExporter third = new RecordingExporter(Integer.MAX_VALUE);
    Run r3 = Run.direct(options(4, 2), third, Map.of());
    assertThat(r3.code).isEqualTo(Replay.OK);
    assertThat(third.ids).isEmpty();
    assertThat(r3.out).contains("sent 0 span(s)", "file(s) already sent");

    RecordingExporter again = new RecordingExporter(Integer.MAX_VALUE);
    ReplayOptions restart = options(4, 2);
    restart.restart = true;
    assertThat(Run.direct(restart, again, Map.of()).code).isEqualTo(Replay.OK);
    assertThat(again.ids).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void spansAppendedToAFileNamedExplicitlyAreSentLater() throws Exception {
    Path active = dir.resolve("spans-1-a.jsonl.active");
    List<String> lines = Files.readAllLines(writeOne());
    Files.writeString(active, lines.get(0) + "\n" + lines.get(1) + "\n{\"resourceSp");
    ReplayOptions o = options(512, 0);
    o.inputs.clear();
    o.inputs.add(active);
    RecordingExporter first = new RecordingExporter(Integer.MAX_VALUE);
    Run r1 = Run.direct(o, first, Map.of());
    assertThat(r1.code).as(r1.err).isEqualTo(Replay.OK); // the torn tail is normal
    assertThat(r1.out).contains("1 torn last line(s)");

    Files.writeString(
        active, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n" + lines.get(3));
    RecordingExporter second = new RecordingExporter(Integer.MAX_VALUE);
    assertThat(Run.direct(o, second, Map.of()).code).isEqualTo(Replay.OK);
    List<String> union = new ArrayList<>(first.ids);
    union.addAll(second.ids);
    assertThat(union).doesNotHaveDuplicates().hasSize(4 * 9);
  }

  @Test
  void aCheckpointForOtherFiltersIsNotContinued() throws Exception {
    write(ReplaySpans.all(10), 5);
    assertThat(Run.direct(options(4, 0), new RecordingExporter(9), Map.of()).code).isZero();
    ReplayOptions other = options(4, 0);
    other.services.add("shop");
    Run r = Run.direct(other, new RecordingExporter(9), Map.of());
    assertThat(r.code).isEqualTo(Replay.CHECKPOINT);
    assertThat(r.err).contains("service=shop", "--restart", "--checkpoint FILE");
  }

  @Test
  void aFileReplacedUnderTheSameNameIsReadFromItsStart() throws Exception {
    Path file = writeOne();
    assertThat(Run.direct(options(512, 0), new RecordingExporter(9), Map.of()).code).isZero();
    List<String> lines = Files.readAllLines(file);
    Files.writeString(file, lines.get(1) + "\n" + lines.get(0) + "\n");
    RecordingExporter e = new RecordingExporter(9);
    Run r = Run.direct(options(512, 0), e, Map.of());
    assertThat(r.err).contains("is not the file the checkpoint knew");
    assertThat(e.ids).hasSize(18);
  }

  private Path checkpointFile() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".checkpoint"))
          .collect(Collectors.toList())
          .get(0);
    }
  }

  private ReplayOptions options(int batch, int retries) {
    ReplayOptions o = new ReplayOptions();
    o.inputs.add(dir);
    o.batchSize = batch;
    o.retries = retries;
    o.endpoint = "http://127.0.0.1:9"; // never used: the exporter is given
    return o;
  }

  private void write(List<SpanData> spans, int perLine) {
    JsonlSpanExporter exporter = JsonlSpanExporter.builder().setDirectory(dir).build();
    for (int i = 0; i < spans.size(); i += perLine) {
      exporter
          .export(spans.subList(i, Math.min(spans.size(), i + perLine)))
          .join(5, TimeUnit.SECONDS);
    }
    exporter.shutdown().join(5, TimeUnit.SECONDS);
  }

  /** One closed file of four lines of nine spans; returns it. */
  private Path writeOne() throws Exception {
    write(ReplaySpans.all(36), 9);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> SpanFiles.isSpanFile(p.getFileName().toString())).findFirst().get();
    }
  }
}
