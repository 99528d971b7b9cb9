package io.reqlens.benchmarks;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.JsonlSpanExporter;
import io.reqlens.exporters.ReqEventExporter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * The Reqlens file exporters against the stock OTLP/JSON encoding writing to a buffered file, each
 * exporting batches of 512 realistic spans (requests: one SERVER span and three JDBC children).
 * Scores are spans per second; with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated
 * per span. Files rotate at 64 MiB and are kept within 256 MiB, so rotation is rare and the disk
 * does not fill.
 *
 * <p>The baseline is {@code TraceRequestMarshaler#writeJsonTo} from {@code
 * opentelemetry-exporter-otlp-common} 1.67.0: the encoder the stock {@code logging-otlp} stdout
 * exporter runs per batch (one request object per line). The exporter artifact itself is not served
 * at 1.67.0 by the Maven repository this project builds from, so its shell (a lock and a flush) is
 * left out; it would only add to the baseline's cost.
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar ExporterBenchmark -prof gc -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExporterBenchmark {

  static final int BATCH = 512;

  private List<SpanData> spans;
  private Path dir;
  private SpanExporter jsonlFlat;
  private SpanExporter jsonlOtlp;
  private SpanExporter req;
  private OutputStream upstreamOut;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    spans = BenchmarkSpans.batch(BATCH);
    dir = Files.createTempDirectory("reqlens-bench");
    jsonlFlat =
        JsonlSpanExporter.builder()
            .setDirectory(dir.resolve("flat"))
            .setFormat(JsonlSpanExporter.Format.FLAT)
            .setRotateBytes(64L << 20)
            .setRetainBytes(256L << 20)
            .build();
    jsonlOtlp =
        JsonlSpanExporter.builder()
            .setDirectory(dir.resolve("otlp"))
            .setRotateBytes(64L << 20)
            .setRetainBytes(256L << 20)
            .build();
    req =
        ReqEventExporter.builder()
            .setDirectory(dir.resolve("req"))
            .setRotateBytes(64L << 20)
            .setRetainBytes(256L << 20)
            .build();
  }

  /** The stock exporter's file is started afresh each iteration so that it cannot fill the disk. */
  @Setup(Level.Iteration)
  public void openUpstream() throws IOException {
    upstreamOut =
        new BufferedOutputStream(Files.newOutputStream(dir.resolve("upstream.jsonl")), 1 << 16);
  }

  @TearDown(Level.Iteration)
  public void closeUpstream() throws IOException {
    upstreamOut.close();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    jsonlFlat.shutdown();
    jsonlOtlp.shutdown();
    req.shutdown();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean jsonlFlat() {
    return jsonlFlat.export(spans).isSuccess();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean jsonlOtlp() {
    return jsonlOtlp.export(spans).isSuccess();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean req() {
    return req.export(spans).isSuccess();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean upstreamOtlpJson() throws IOException {
    TraceRequestMarshaler.create(spans).writeJsonTo(upstreamOut);
    upstreamOut.write('\n');
    return true;
  }
}
