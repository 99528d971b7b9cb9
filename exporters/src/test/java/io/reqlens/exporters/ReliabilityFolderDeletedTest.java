package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.common.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: the data folder is deleted five times while a thread exports continuously. Writing
 * recovers each time without a restart (folder and file recreated), every deletion is counted, no
 * line is torn, and every request acknowledged after the last deletion is in the files. Lines
 * acknowledged before a deletion went with the folder: that is what deleting it means.
 */
class ReliabilityFolderDeletedTest {

  static final int DELETIONS = 5;

  @TempDir Path tmp;

  @Test
  void folderDeletedFiveTimesUnderTraffic() throws Exception {
    Path data = tmp.resolve("data");
    ReqEventExporter exporter =
        ReqEventExporter.builder().setDirectory(data).setClock(Clock.getDefault()).build();
    BitSet acked = new BitSet();
    BitSet mustBeThere = new BitSet(); // acknowledged and started after the last deletion
    AtomicInteger deletions = new AtomicInteger();
    AtomicInteger ackedCount = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    int[] requests = new int[1];
    Thread traffic =
        new Thread(
            () -> {
              int next = 0;
              while (!stop.get()) {
                int epoch = deletions.get();
                boolean ok = exporter.export(Traffic.requests(next, 10)).isSuccess();
                synchronized (acked) {
                  if (ok) {
                    acked.set(next, next + 10);
                    if (epoch == DELETIONS) {
                      mustBeThere.set(next, next + 10);
                    }
                    ackedCount.addAndGet(10);
                  }
                }
                next += 10;
              }
              requests[0] = next;
            },
            "traffic");
    traffic.start();
    for (int i = 0; i < DELETIONS; i++) {
      awaitMore(ackedCount, 200);
      deleteWhileWritten(data);
      deletions.incrementAndGet();
    }
    awaitMore(ackedCount, 500);
    stop.set(true);
    traffic.join(30_000);
    long failures = exporter.fileExport().writer().failures();
    assertThat(exporter.shutdown().isSuccess()).isTrue();

    Traffic.Census census = Traffic.census(data);
    BitSet missing = (BitSet) mustBeThere.clone();
    missing.andNot(census.seen);
    Traffic.figures(
        "folder-deleted",
        DELETIONS + " deletions of the folder under a continuously exporting thread",
        "requests",
        requests[0],
        "acknowledged",
        acked.cardinality(),
        "events_written_after_last_deletion",
        census.lines,
        "acknowledged_after_last_deletion",
        mustBeThere.cardinality(),
        "lines_lost_after_recovery",
        missing.cardinality(),
        "lines_deleted_with_folder",
        census.lost(acked),
        "lines_unparseable",
        census.unparseable,
        "failures_counted",
        failures);
    assertThat(census.unparseable).isZero();
    assertThat(census.duplicates).isZero();
    assertThat(mustBeThere.cardinality()).isGreaterThanOrEqualTo(500);
    assertThat(missing.cardinality()).as("lost after the last deletion").isZero();
    assertThat(failures).as("every deletion noticed and counted").isGreaterThanOrEqualTo(DELETIONS);
  }

  private static void awaitMore(AtomicInteger count, int more) throws InterruptedException {
    int target = count.get() + more;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count.get() < target) {
      assertThat(System.nanoTime()).as("traffic progress").isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  /** Deletes the folder; the writer may create a file meanwhile, so retry until it is gone. */
  private static void deleteWhileWritten(Path data) throws InterruptedException {
    for (int attempt = 0; Files.exists(data); attempt++) {
      try {
        ChildJvm.deleteTree(data);
      } catch (IOException e) {
        assertThat(attempt).as("deleting %s: %s", data, e).isLessThan(1000);
        Thread.sleep(1);
      }
    }
  }
}
