package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.internal.JsonlSpanExporterProvider;
import io.reqlens.exporters.internal.ReqEventExporterProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPI wiring, SPI-built vs builder-built equivalence, toString, a second shutdown, bad config. */
class SpiTest {

  @TempDir Path tmp;

  @Test
  void autoconfigureWritesBothFileKinds() {
    Map<String, String> props = new HashMap<>();
    props.put("otel.traces.exporter", "jsonl,req");
    props.put("otel.metrics.exporter", "none");
    props.put("otel.logs.exporter", "none");
    props.put("otel.exporter.jsonl.directory", tmp.toString());
    props.put("otel.exporter.jsonl.format", "flat");
    props.put("otel.exporter.req.directory", tmp.toString());
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(() -> props)
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    Tracer tracer = sdk.getTracer("test");
    Span span =
        tracer
            .spanBuilder("GET /x")
            .setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER)
            .setAttribute("http.route", "/x")
            .startSpan();
    span.end();
    sdk.close();
    assertThat(Files2.lines(tmp, "spans")).hasSize(1);
    assertThat(Files2.lines(tmp, "events"))
        .hasSize(1)
        .allMatch(l -> l.contains("\"route\":\"/x\""));
  }

  @Test
  void spiBuiltEqualsBuilderBuilt() {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Map<String, String> props = new HashMap<>();
    props.put("otel.exporter.jsonl.directory", a.toString());
    props.put("otel.exporter.jsonl.format", "FLAT");
    props.put("otel.exporter.jsonl.rotate.bytes", "1MiB");
    props.put("otel.exporter.jsonl.rotate.interval", "30s");
    props.put("otel.exporter.jsonl.retain.bytes", "64mb");
    SpanExporter spi =
        new JsonlSpanExporterProvider()
            .createExporter(DefaultConfigProperties.createFromMap(props));
    SpanExporter built =
        JsonlSpanExporter.builder()
            .setDirectory(b)
            .setFormat(JsonlSpanExporter.Format.FLAT)
            .setRotateBytes(1 << 20)
            .setRotateInterval(30, TimeUnit.SECONDS)
            .setRetainBytes(64L << 20)
            .build();
    assertThat(spi.toString()).isEqualTo(built.toString().replace(b.toString(), a.toString()));
    assertThat(spi.toString())
        .isEqualTo(
            "JsonlSpanExporter{format=flat, directory="
                + a
                + ", rotateBytes=1048576, rotateInterval=PT30S, retainBytes=67108864}");
    spi.export(TestSpans.request());
    built.export(TestSpans.request());
    spi.shutdown();
    built.shutdown();
    assertThat(Files2.lines(a, "spans")).isEqualTo(Files2.lines(b, "spans")).hasSize(3);

    Map<String, String> req = Map.of("otel.exporter.req.directory", a.toString());
    SpanExporter reqSpi =
        new ReqEventExporterProvider().createExporter(DefaultConfigProperties.createFromMap(req));
    SpanExporter reqBuilt = ReqEventExporter.builder().setDirectory(b).build();
    reqSpi.export(TestSpans.request());
    reqBuilt.export(TestSpans.request());
    assertThat(reqSpi.toString())
        .isEqualTo(
            "ReqEventExporter{directory="
                + a
                + ", rotateBytes=16777216, rotateInterval=PT5M, retainBytes=536870912}");
    reqSpi.shutdown();
    reqBuilt.shutdown();
    assertThat(Files2.lines(a, "events")).isEqualTo(Files2.lines(b, "events")).hasSize(4);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    // The default folder is relative to the working directory; the exporter creates it at start,
    // so this test names its own and checks the default's name apart.
    assertThat(FileExporterBuilder.DEFAULT_DIRECTORY).isEqualTo("reqlens-data");
    SpanExporter exporter = JsonlSpanExporter.builder().setDirectory(tmp).build();
    assertThat(exporter.toString())
        .isEqualTo(
            "JsonlSpanExporter{format=otlp, directory="
                + tmp
                + ", rotateBytes=16777216, rotateInterval=PT5M, retainBytes=536870912}");
    exporter.shutdown();
  }

  @Test
  void theFolderExistsFromStartNotFromTheFirstExport() throws Exception {
    Path dir = tmp.resolve("new").resolve("folder");
    SpanExporter exporter = ReqEventExporter.builder().setDirectory(dir).build();
    assertThat(dir).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    exporter.shutdown();
  }

  @Test
  void secondShutdownIsHarmlessAndExportAfterShutdownFails() {
    SpanExporter exporter = ReqEventExporter.builder().setDirectory(tmp).build();
    assertThat(exporter.shutdown().isSuccess()).isTrue();
    assertThat(exporter.shutdown().isSuccess()).isTrue();
    CompletableResultCode result = exporter.export(TestSpans.request());
    assertThat(result.isSuccess()).isFalse();
  }

  @Test
  void invalidValuesNameKeyValueAndWhatIsAccepted() {
    assertThatThrownBy(
            () ->
                new JsonlSpanExporterProvider()
                    .createExporter(
                        DefaultConfigProperties.createFromMap(
                            Map.of("otel.exporter.jsonl.format", "xml"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OTEL_EXPORTER_JSONL_FORMAT")
        .hasMessageContaining("'xml'")
        .hasMessageContaining("otlp or flat");
    assertThatThrownBy(
            () ->
                new ReqEventExporterProvider()
                    .createExporter(
                        DefaultConfigProperties.createFromMap(
                            Map.of("otel.exporter.req.rotate.bytes", "lots"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OTEL_EXPORTER_REQ_ROTATE_BYTES")
        .hasMessageContaining("'lots'")
        .hasMessageContaining("16MiB");
    assertThatThrownBy(
            () ->
                new ReqEventExporterProvider()
                    .createExporter(
                        DefaultConfigProperties.createFromMap(
                            Map.of("otel.exporter.req.rotate.interval", "-5m"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OTEL_EXPORTER_REQ_ROTATE_INTERVAL");
    assertThatThrownBy(
            () ->
                new JsonlSpanExporterProvider()
                    .createExporter(
                        DefaultConfigProperties.createFromMap(
                            Map.of("otel.exporter.jsonl.retain.bytes", "0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OTEL_EXPORTER_JSONL_RETAIN_BYTES");
  }
}
