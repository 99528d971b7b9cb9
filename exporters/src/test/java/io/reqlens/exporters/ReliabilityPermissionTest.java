package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.time.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.BitSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: the data folder loses its write permission during traffic (a rotation falls in the
 * outage) and gets it back. The {@code req} writer must write again without a restart and keep
 * every line it acknowledged, the stranded file's included (issue 15, finding 1).
 *
 * <p>Twice: for real, as an unprivileged user (root ignores permission bits, so as root the writer
 * runs in a child JVM as uid 65534 through {@code setpriv}), and simulated with {@link FaultyDisk},
 * which fails the calls exactly as {@code EACCES} does, so the behaviour is checked on any machine.
 */
class ReliabilityPermissionTest {

  @TempDir Path tmp;

  @Test
  void realPermissionLostAndRestored() throws Exception {
    boolean root = ChildJvm.isRoot();
    if (root && ChildJvm.setpriv() == null) {
      String why = "running as root and setpriv is missing: cannot drop to an unprivileged user";
      System.out.println("RELIABILITY permission-real SKIPPED: " + why);
      Assumptions.abort(why);
    }
    // As root, a folder the unprivileged child can reach: /tmp itself is world-traversable.
    Path shared = root ? Files.createTempDirectory(Paths.get("/tmp"), "reqlens-perm-") : tmp;
    try {
      Path data = shared.resolve("data");
      Files.createDirectory(data);
      ChildJvm child;
      if (root) {
        ChildJvm.openUp(shared);
        Files.setAttribute(data, "unix:uid", ChildJvm.NOBODY);
        Files.setAttribute(data, "unix:gid", ChildJvm.NOBODY);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        child = ChildJvm.startAsNobody(shared, WriterChild.class, data.toString());
      } else {
        child = ChildJvm.start(WriterChild.class, data.toString());
      }
      BitSet acked = new BitSet();
      int requests = 0;
      int refused = 0;
      String failures;
      try (ChildJvm c = child) {
        requests += exportExpecting(c, acked, 0, 20, "ok");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-x------"));
        requests += exportExpecting(c, acked, 20, 10, "ok"); // the open file stays writable
        assertThat(c.ask("rotate")).isEqualTo("rotated"); // the rename fails
        requests += exportExpecting(c, acked, 30, 10, "fail"); // no new file can be created
        refused += 10;
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        requests += exportExpecting(c, acked, 40, 30, "ok");
        requests += exportExpecting(c, acked, 70, 30, "ok");
        failures = c.ask("failures");
        assertThat(c.ask("close")).isEqualTo("closed");
      }
      Traffic.Census census = Traffic.census(data);
      Traffic.figures(
          "permission-real",
          root ? "child JVM as uid 65534 via setpriv" : "this JVM, not root",
          "requests",
          requests,
          "events_written",
          census.lines,
          "lines_lost",
          census.lost(acked),
          "lines_unparseable",
          census.unparseable,
          "batches_refused_lines",
          refused,
          "failures",
          "{" + failures + "}");
      assertThat(failures).contains("permission=2"); // the failed rename and the refused batch
      assertThat(census.activeFiles).isZero();
      assertThat(census.unparseable).isZero();
      assertThat(census.duplicates).isZero();
      assertThat(census.lost(acked)).as("acknowledged requests missing from the files").isZero();
      assertThat(census.seen.cardinality()).isEqualTo(90);
    } finally {
      if (root) {
        ChildJvm.deleteTree(shared);
      }
    }
  }

  @Test
  void simulatedPermissionLostAndRestored() throws Exception {
    Path data = tmp.resolve("data");
    FaultyDisk disk = new FaultyDisk();
    TestClock clock = TestClock.create();
    ReqEventExporter exporter =
        ReqEventExporter.builder().setDirectory(data).setClock(clock).setDisk(disk).build();
    BitSet acked = new BitSet();
    assertThat(export(exporter, acked, 0, 20)).isTrue();
    disk.readOnlyFolder = true;
    assertThat(export(exporter, acked, 20, 10)).isTrue();
    clock.advance(Duration.ofMinutes(6));
    exporter.fileExport().writer().rotateIfDue();
    assertThat(export(exporter, acked, 30, 10)).isFalse();
    disk.readOnlyFolder = false;
    assertThat(export(exporter, acked, 40, 60)).isTrue();
    long failures = exporter.fileExport().writer().failures();
    assertThat(exporter.shutdown().isSuccess()).isTrue();
    Traffic.Census census = Traffic.census(data);
    Traffic.figures(
        "permission-simulated",
        "FaultyDisk: EACCES on create and rename",
        "requests",
        100,
        "events_written",
        census.lines,
        "lines_lost",
        census.lost(acked),
        "lines_unparseable",
        census.unparseable,
        "failures",
        failures);
    assertThat(census.lost(acked)).isZero();
    assertThat(census.seen.cardinality()).isEqualTo(90);
    assertThat(census.activeFiles).isZero();
    assertThat(failures).isEqualTo(2);
  }

  private static int exportExpecting(
      ChildJvm c, BitSet acked, int first, int count, String expected) throws Exception {
    String answer = c.ask("export " + first + " " + count);
    assertThat(answer).as("export %d..%d", first, first + count - 1).isEqualTo(expected);
    if (answer.equals("ok")) {
      acked.set(first, first + count);
    }
    return count;
  }

  private static boolean export(ReqEventExporter e, BitSet acked, int first, int count) {
    boolean ok = e.export(Traffic.requests(first, count)).isSuccess();
    if (ok) {
      acked.set(first, first + count);
    }
    return ok;
  }
}
