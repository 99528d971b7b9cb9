package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.time.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileWriterTest {

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @TempDir Path tmp;
  private final TestClock clock = TestClock.create();
  private RotatingFileWriter writer;

  @AfterEach
  void close() {
    if (writer != null) {
      writer.close();
    }
  }

  private RotatingFileWriter writer(Path dir, long rotateBytes, long intervalNanos, long retain) {
    writer = new RotatingFileWriter(dir, "spans", rotateBytes, intervalNanos, retain, clock);
    return writer;
  }

  @Test
  void rotatesBySizeWithWholeLinesOnly() {
    Path dir = tmp.resolve("d");
    writer(dir, 200, 5 * MINUTE, 1 << 20);
    for (int i = 0; i < 10; i++) {
      assertThat(Lines.of(0, i * 10L, 10, 20).writeTo(writer)).isTrue();
    }
    writer.close();
    List<Path> files = Files2.closed(dir, "spans");
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      assertThat(f.toFile().length()).isLessThanOrEqualTo(200);
    }
    assertThat(Files2.lines(dir, "spans"))
        .hasSize(100)
        .allMatch(l -> l.startsWith("{") && l.endsWith("}"));
  }

  @Test
  void aLineBiggerThanAFileGetsAFileOfItsOwn() {
    Path dir = tmp.resolve("d");
    writer(dir, 50, 5 * MINUTE, 1 << 20);
    assertThat(Lines.of(0, 0, 3, 100).writeTo(writer)).isTrue();
    writer.close();
    assertThat(Files2.closed(dir, "spans")).hasSize(3);
  }

  @Test
  void rotatesByTimeWhenDue() throws IOException {
    Path dir = tmp.resolve("d");
    writer(dir, 1 << 20, 5 * MINUTE, 1 << 20);
    Lines.of(0, 0, 1, 1).writeTo(writer);
    writer.rotateIfDue();
    assertThat(Files2.closed(dir, "spans")).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    writer.rotateIfDue();
    assertThat(Files2.closed(dir, "spans")).hasSize(1);
    assertThat(activeFiles(dir)).isEmpty();
    writer.rotateIfDue(); // nothing written since: no empty file
    assertThat(Files2.closed(dir, "spans")).hasSize(1);
  }

  @Test
  void timerRotatesAnIdleFileWithoutAnyWrite() throws Exception {
    Path dir = tmp.resolve("d");
    writer(dir, 1 << 20, TimeUnit.SECONDS.toNanos(1), 1 << 20); // timer checks every 100 ms
    Lines.of(0, 0, 1, 1).writeTo(writer);
    clock.advance(Duration.ofSeconds(2));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files2.closed(dir, "spans").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files2.closed(dir, "spans")).hasSize(1);
  }

  @Test
  void closedNamesAreUniqueWithinOneMillisecondAndSortInOrder() {
    Path dir = tmp.resolve("d");
    writer(dir, 10, 5 * MINUTE, 1 << 20); // frozen clock: every rotation in the same millisecond
    for (int i = 0; i < 50; i++) {
      Lines.of(0, i, 1, 5).writeTo(writer);
    }
    writer.close();
    List<Path> files = Files2.closed(dir, "spans");
    assertThat(files).hasSize(50);
    assertThat(files.stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
        .hasSize(50);
    assertThat(files.get(0).getFileName().toString())
        .matches("spans-\\d{8}T\\d{6}\\.\\d{3}Z-\\d+-[0-9a-f]{6}-000000\\.jsonl");
    List<String> lines = Files2.lines(dir, "spans"); // sorted by name = written order
    for (int i = 0; i < 50; i++) {
      assertThat(lines.get(i)).contains("\"seq\":" + i + ",");
    }
  }

  @Test
  void retentionDeletesOldestClosedFilesBeyondTheBudget() throws IOException {
    Path dir = tmp.resolve("d");
    writer(dir, 100, 5 * MINUTE, 350);
    for (int i = 0; i < 40; i++) {
      Lines.of(0, i, 1, 60).writeTo(writer); // ~85 bytes: one line per file
      clock.advance(Duration.ofMillis(1));
    }
    writer.close();
    List<Path> files = Files2.closed(dir, "spans");
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    assertThat(total).isLessThanOrEqualTo(350);
    assertThat(files).hasSize(4);
    assertThat(Files2.lines(dir, "spans").get(3)).contains("\"seq\":39,"); // newest kept
  }

  @Test
  void folderIs0700AndFilesAre0600FromCreation() throws IOException {
    Path dir = tmp.resolve("a/b");
    writer(dir, 1 << 20, 5 * MINUTE, 1 << 20);
    Lines.of(0, 0, 1, 1).writeTo(writer);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a"))))
        .isEqualTo("rwx------");
    Path active = activeFiles(dir).get(0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(active)))
        .isEqualTo("rw-------");
    writer.close();
    Path closed = Files2.closed(dir, "spans").get(0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)))
        .isEqualTo("rw-------");
  }

  @Test
  void folderRemovedMidRunIsCountedAndRecovers() throws IOException {
    Path dir = tmp.resolve("d");
    writer(dir, 1 << 20, 5 * MINUTE, 1 << 20);
    assertThat(Lines.of(0, 0, 1, 1).writeTo(writer)).isTrue();
    deleteTree(dir);
    // Linux would happily keep writing to the unlinked file; the writer notices, counts, recreates.
    assertThat(Lines.of(0, 1, 1, 1).writeTo(writer)).isTrue();
    assertThat(writer.failures()).isEqualTo(1);
    writer.close();
    assertThat(Files2.lines(dir, "spans")).hasSize(1).allMatch(l -> l.contains("\"seq\":1,"));
  }

  /**
   * "Permission lost / disk full", simulated honestly: tests run as root, which ignores permission
   * bits, so the folder is replaced by a regular file. Every write then really fails (the folder
   * cannot be created), and writing resumes once the obstacle is gone.
   */
  @Test
  void unwritableFolderFailsWritesWithoutThrowingThenRecovers() throws IOException {
    Path dir = tmp.resolve("d");
    writer(dir, 1 << 20, 5 * MINUTE, 1 << 20);
    assertThat(Lines.of(0, 0, 1, 1).writeTo(writer)).isTrue();
    deleteTree(dir);
    Files.write(dir, "not a folder".getBytes(StandardCharsets.UTF_8));
    assertThat(Lines.of(0, 1, 1, 1).writeTo(writer)).isFalse();
    assertThat(Lines.of(0, 2, 1, 1).writeTo(writer)).isFalse();
    assertThat(writer.failures()).isEqualTo(3); // vanished file, then two failed writes
    Files.delete(dir);
    assertThat(Lines.of(0, 3, 1, 1).writeTo(writer)).isTrue();
    writer.close();
    assertThat(Files2.lines(dir, "spans")).hasSize(1).allMatch(l -> l.contains("\"seq\":3,"));
  }

  /**
   * Finding 1 of issue 15, simulated deterministically: the folder loses its write permission while
   * a file is open, the rotation's rename fails, permission comes back. The writer must write again
   * (it used to retry its fixed active name forever: FileAlreadyExistsException) and keep what the
   * stranded file held. The real permission round trip, as a non-root user: {@link
   * PermissionRoundTripTest}.
   */
  @Test
  void failedRotationRenameRecoversOncePermissionReturns() throws IOException {
    Path dir = tmp.resolve("d");
    FaultyDisk disk = new FaultyDisk();
    ExportFailures failures = new ExportFailures("req", null, clock);
    writer =
        new RotatingFileWriter(dir, "events", 1 << 20, 5 * MINUTE, 1 << 20, clock, disk, failures);
    assertThat(Lines.of(0, 0, 3, 1).writeTo(writer)).isTrue();
    disk.readOnlyFolder = true;
    clock.advance(Duration.ofMinutes(5));
    writer.rotateIfDue(); // the rename fails: the file stays under its active name
    assertThat(activeFiles(dir)).hasSize(1);
    assertThat(Lines.of(0, 3, 1, 1).writeTo(writer)).isFalse();
    disk.readOnlyFolder = false;
    assertThat(Lines.of(0, 4, 1, 1).writeTo(writer)).as("writes again after the restore").isTrue();
    assertThat(Lines.of(0, 5, 1, 1).writeTo(writer)).isTrue();
    assertThat(failures.count(ExportFailures.Reason.PERMISSION)).isEqualTo(2);
    assertThat(failures.total()).isEqualTo(2); // the failed rotation and the refused batch
    writer.close();
    assertThat(activeFiles(dir)).isEmpty();
    assertThat(Files2.lines(dir, "events"))
        .as("the stranded file's lines are kept, the batch refused during the outage is not")
        .extracting(l -> l.replaceAll(".*\"seq\":(\\d+),.*", "$1"))
        .containsExactlyInAnyOrder("0", "1", "2", "4", "5");
  }

  @Test
  void closeTwiceIsHarmlessAndLaterWritesFail() {
    Path dir = tmp.resolve("d");
    writer(dir, 1 << 20, 5 * MINUTE, 1 << 20);
    Lines.of(0, 0, 1, 1).writeTo(writer);
    writer.close();
    writer.close();
    assertThat(Lines.of(0, 1, 1, 1).writeTo(writer)).isFalse();
    assertThat(Files2.lines(dir, "spans")).hasSize(1);
  }

  @Test
  void leftoverActiveFileIsRepairedAtStart() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Path leftover = dir.resolve("spans-99999-abcdef.jsonl.active");
    Files.write(leftover, "{\"a\":1}\n{\"a\":2}\n{\"a\":".getBytes(StandardCharsets.UTF_8));
    Path empty = dir.resolve("spans-99998-abcdef.jsonl.active");
    Files.createFile(empty);
    writer(dir, 1 << 20, 5 * MINUTE, 1 << 20);
    assertThat(leftover).doesNotExist();
    assertThat(empty).doesNotExist();
    List<Path> closed = Files2.closed(dir, "spans");
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).getFileName().toString()).endsWith("-99999-abcdef-repaired.jsonl");
    assertThat(Files2.read(closed.get(0))).containsExactly("{\"a\":1}", "{\"a\":2}");
  }

  @Test
  void aLiveWritersFileIsNeverTouchedByAnotherWriter() throws IOException {
    Path dir = tmp.resolve("d");
    writer(dir, 1 << 20, 5 * MINUTE, 1 << 20);
    Lines.of(0, 0, 1, 1).writeTo(writer);
    Path active = activeFiles(dir).get(0);
    RotatingFileWriter other =
        new RotatingFileWriter(dir, "spans", 1 << 20, 5 * MINUTE, 1 << 20, clock);
    assertThat(active).exists();
    assertThat(Lines.of(0, 1, 1, 1).writeTo(writer)).isTrue();
    other.close();
    writer.close();
    assertThat(Files2.lines(dir, "spans")).hasSize(2);
  }

  static List<Path> activeFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jsonl.active")).collect(Collectors.toList());
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }

  static Set<String> names(List<Path> files) {
    Set<String> out = new HashSet<>();
    files.forEach(f -> out.add(f.getFileName().toString()));
    return out;
  }
}
