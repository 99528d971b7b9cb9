package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExportFailuresTest {

  @Test
  void reasonsFromWhatTheJdkThrows() {
    assertThat(ExportFailures.reason(new IOException("No space left on device")))
        .isEqualTo(ExportFailures.Reason.DISK_FULL);
    assertThat(ExportFailures.reason(new FileSystemException("f", null, "Disk quota exceeded")))
        .isEqualTo(ExportFailures.Reason.DISK_FULL);
    assertThat(ExportFailures.reason(new AccessDeniedException("f")))
        .isEqualTo(ExportFailures.Reason.PERMISSION);
    assertThat(ExportFailures.reason(new FileSystemException("f", null, "Read-only file system")))
        .isEqualTo(ExportFailures.Reason.PERMISSION);
    assertThat(ExportFailures.reason(new NoSuchFileException("f")))
        .isEqualTo(ExportFailures.Reason.MISSING_FOLDER);
    assertThat(ExportFailures.reason(new NotDirectoryException("f")))
        .isEqualTo(ExportFailures.Reason.MISSING_FOLDER);
    assertThat(ExportFailures.reason(new IOException("Input/output error")))
        .isEqualTo(ExportFailures.Reason.OTHER);
    assertThat(ExportFailures.reason(new IllegalStateException()))
        .isEqualTo(ExportFailures.Reason.OTHER);
  }

  /**
   * Built before the global OpenTelemetry exists (as autoconfigure builds exporters), counting from
   * the start, and published once the global one is set: asked at most once a second.
   */
  @Test
  void registersOnTheGlobalMeterProviderOnceItIsSet() {
    GlobalOpenTelemetry.resetForTest();
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    TestClock clock = TestClock.create();
    ExportFailures failures = new ExportFailures("req", null, clock);
    failures.record(new IOException("No space left on device"));
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build())
            .buildAndRegisterGlobal()) {
      failures.maybeRegister();
      assertThat(reader.collectAllMetrics()).isEmpty(); // checked less than a second ago
      clock.advance(Duration.ofSeconds(1));
      failures.maybeRegister();
      assertThat(ReliabilityDiskFullTest.failures(reader, "disk_full")).isEqualTo(1);
      assertThat(ReliabilityDiskFullTest.failures(reader, "permission")).isZero();
      failures.close();
    } finally {
      GlobalOpenTelemetry.resetForTest();
    }
  }
}
