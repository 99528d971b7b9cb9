package io.reqlens.report.internal.replay;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Builds the SDK's own OTLP span exporter for the settings: {@code OtlpHttpSpanExporter} (over the
 * JDK's HttpClient) or {@code OtlpGrpcSpanExporter} (over OkHttp), with the SDK's default retry
 * policy for retryable failures (5 attempts, exponential backoff from 1 s to 5 s) inside each
 * export. Replay's own retries ({@link BatchSender}) come on top.
 */
final class Exporters {

  private Exporters() {}

  static SpanExporter create(OtlpSettings s) throws IOException {
    byte[] cert = s.certificate == null ? null : Files.readAllBytes(s.certificate);
    if (s.protocol.equals(OtlpSettings.GRPC)) {
      OtlpGrpcSpanExporterBuilder b =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint(s.endpoint)
              .setTimeout(s.timeout)
              .setCompression(s.compression)
              // No self-telemetry: there is no SDK here to report it to.
              .setMeterProvider(MeterProvider::noop);
      headersAndCertificate(s, cert, b::addHeader, b::setTrustedCertificates);
      return b.build();
    }
    OtlpHttpSpanExporterBuilder b =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(s.endpoint)
            .setTimeout(s.timeout)
            .setCompression(s.compression)
            .setMeterProvider(MeterProvider::noop);
    headersAndCertificate(s, cert, b::addHeader, b::setTrustedCertificates);
    return b.build();
  }

  /**
   * The headers and the trusted certificate (when given), set alike on either builder: the two
   * builders share no interface, so their setters come as method references.
   */
  private static void headersAndCertificate(
      OtlpSettings s,
      byte[] cert,
      BiConsumer<String, String> addHeader,
      Consumer<byte[]> setTrustedCertificates) {
    s.headers.forEach(addHeader);
    if (cert != null) {
      setTrustedCertificates.accept(cert);
    }
  }
}
