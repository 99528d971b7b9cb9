package io.reqlens.benchmarks;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.JsonlSpanExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JSON-writer decision: Reqlens's dedicated writer (through the {@code flat} exporter) against
 * Jackson's streaming {@code JsonGenerator} producing the same lines into a reused buffer and one
 * file write per batch. Scores are spans per second; {@code -prof gc} gives bytes per span.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JsonWriterBenchmark -prof gc -f 1 -wi 3
 * -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonWriterBenchmark {

  private List<SpanData> spans;
  private Path dir;
  private SpanExporter reqlens;
  private JacksonFlatWriter jackson;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    spans = BenchmarkSpans.batch(ExporterBenchmark.BATCH);
    dir = Files.createTempDirectory("reqlens-json-bench");
    reqlens =
        JsonlSpanExporter.builder()
            .setDirectory(dir.resolve("reqlens"))
            .setFormat(JsonlSpanExporter.Format.FLAT)
            .setRotateBytes(64L << 20)
            .setRetainBytes(128L << 20)
            .build();
    jackson = new JacksonFlatWriter(dir.resolve("jackson.jsonl"));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    reqlens.shutdown();
    jackson.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(ExporterBenchmark.BATCH)
  public boolean reqlensWriter() {
    return reqlens.export(spans).isSuccess();
  }

  @Benchmark
  @OperationsPerInvocation(ExporterBenchmark.BATCH)
  public boolean jacksonGenerator() {
    return jackson.export(spans);
  }
}
