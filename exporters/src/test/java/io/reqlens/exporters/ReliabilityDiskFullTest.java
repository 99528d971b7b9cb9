package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.time.TestClock;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: the disk fills up under traffic, then space comes back. Writes fail without
 * throwing, are counted by reason ({@code reqlens.export.failures{reason=disk_full}}), no file is
 * left with a torn line, every acknowledged request is in the files, and writing resumes without a
 * restart.
 *
 * <p>A real 256 KiB tmpfs when the test runs as root and {@code mount} works (then grown to 4 MiB);
 * otherwise a simulated full disk ({@link FaultyDisk}: a short write, then {@code ENOSPC}), with a
 * visible message saying which and why.
 */
class ReliabilityDiskFullTest {

  @TempDir Path tmp;

  @Test
  void diskFullThenSpaceFreed() throws Exception {
    SmallFileSystem.Attempt attempt = SmallFileSystem.mount(tmp.resolve("mnt"), "256k");
    FaultyDisk disk = new FaultyDisk();
    String how;
    if (attempt.fs != null) {
      how = "real tmpfs of 256 KiB, grown to 4 MiB";
    } else {
      how = "SIMULATED full disk (FaultyDisk, 256 KiB budget): " + attempt.whyNot;
      System.out.println(
          "RELIABILITY disk-full: falling back to a simulated full disk: " + attempt.whyNot);
      disk.freeBytes.set(256 << 10);
    }
    Path data = tmp.resolve("mnt").resolve("data");
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    SdkMeterProvider meterProvider =
        SdkMeterProvider.builder().registerMetricReader(metrics).build();
    TestClock clock = TestClock.create();
    ReqEventExporter exporter =
        ReqEventExporter.builder()
            .setDirectory(data)
            .setRotateBytes(32 << 10)
            .setRetainBytes(64L << 20)
            .setClock(clock)
            .setMeterProvider(meterProvider)
            .setDisk(disk)
            .build();
    BitSet acked = new BitSet();
    int next = 0;
    int failedBatches = 0;
    try {
      // Fill: until five batches in a row fail.
      int inARow = 0;
      while (inARow < 5 && next < 20_000) {
        if (export(exporter, acked, next, 25)) {
          inARow = 0;
        } else {
          inARow++;
          failedBatches++;
        }
        next += 25;
      }
      assertThat(inARow).as("the disk filled up").isEqualTo(5);
      int beforeFree = next;
      if (attempt.fs != null) {
        attempt.fs.resize("4m");
      } else {
        disk.freeBytes.set(Long.MAX_VALUE);
      }
      for (int i = 0; i < 40; i++, next += 25) {
        assertThat(export(exporter, acked, next, 25))
            .as("batch %d after space came back", i)
            .isTrue();
      }
      long diskFull = failures(metrics, "disk_full");
      long otherReasons = failures(metrics, "permission") + failures(metrics, "other");
      assertThat(exporter.shutdown().isSuccess()).isTrue();
      Traffic.Census census = Traffic.census(data);
      Traffic.figures(
          "disk-full",
          how,
          "requests",
          next,
          "acknowledged",
          acked.cardinality(),
          "events_written",
          census.lines,
          "lines_lost",
          census.lost(acked),
          "lines_unparseable",
          census.unparseable,
          "batches_failed",
          failedBatches,
          "written_of_failed_batches",
          census.unacknowledged(acked),
          "metric_disk_full",
          diskFull,
          "requests_before_space_freed",
          beforeFree);
      assertThat(census.unparseable).isZero();
      assertThat(census.duplicates).isZero();
      assertThat(census.lost(acked)).isZero();
      assertThat(census.activeFiles).isZero();
      assertThat(acked.get(next - 1)).isTrue();
      assertThat(diskFull).isGreaterThanOrEqualTo(failedBatches);
      assertThat(otherReasons).isZero();
    } finally {
      exporter.shutdown();
      if (attempt.fs != null) {
        attempt.fs.close();
      }
    }
  }

  static long failures(InMemoryMetricReader reader, String reason) {
    for (MetricData m : reader.collectAllMetrics()) {
      if (m.getName().equals("reqlens.export.failures")) {
        for (LongPointData p : m.getLongSumData().getPoints()) {
          Attributes a = p.getAttributes();
          if (reason.equals(a.get(ExportFailures.REASON))) {
            return p.getValue();
          }
        }
      }
    }
    return -1;
  }

  private static boolean export(ReqEventExporter e, BitSet acked, int first, int count) {
    boolean ok = e.export(Traffic.requests(first, count)).isSuccess();
    if (ok) {
      acked.set(first, first + count);
    }
    return ok;
  }
}
