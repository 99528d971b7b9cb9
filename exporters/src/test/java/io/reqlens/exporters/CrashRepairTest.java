package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.common.Clock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: a child JVM writing continuously is killed with SIGKILL mid-write, three times, and
 * a writer started after each kill repairs its active file. Every line of every file then parses,
 * no partial line remains, and every line a child was told was written is there exactly once. While
 * a child is alive, a writer starting in this process must leave the child's locked active file
 * alone.
 */
class CrashRepairTest {

  static final int KILLS = 3;
  static final long ROUND = 1_000_000; // sequence numbers of round r start at r * ROUND

  @TempDir Path dir;

  @Test
  void killedWriterLosesNoAcknowledgedLineAndLeavesNoTornLine() throws Exception {
    long[] acked = new long[KILLS];
    long repaired = 0;
    for (int round = 0; round < KILLS; round++) {
      acked[round] = killMidWrite(round * ROUND);
      int before = Files2.closed(dir, "spans").size();
      RotatingFileWriter restart =
          new RotatingFileWriter(
              dir,
              "spans",
              1 << 20,
              TimeUnit.MINUTES.toNanos(5),
              Long.MAX_VALUE,
              Clock.getDefault());
      restart.close();
      repaired += Files2.closed(dir, "spans").size() - before;
      assertThat(RotatingFileWriterTest.activeFiles(dir)).isEmpty();
    }

    ObjectMapper json = new ObjectMapper();
    BitSet[] seen = new BitSet[KILLS];
    for (int r = 0; r < KILLS; r++) {
      seen[r] = new BitSet();
    }
    long lines = 0;
    long duplicates = 0;
    long unparseable = 0;
    for (Path f : Files2.closed(dir, "spans")) {
      for (String line : Files2.read(f)) { // read() also fails on a missing final newline
        long seq;
        try {
          seq = json.readTree(line).get("seq").longValue();
        } catch (IOException | RuntimeException e) {
          unparseable++;
          continue;
        }
        BitSet s = seen[(int) (seq / ROUND)];
        int n = (int) (seq % ROUND);
        if (s.get(n)) {
          duplicates++;
        }
        s.set(n);
        lines++;
      }
    }
    long lost = 0;
    long totalAcked = 0;
    for (int r = 0; r < KILLS; r++) {
      int count = (int) (acked[r] - r * ROUND + 1);
      totalAcked += count;
      lost += count - seen[r].get(0, count).cardinality();
    }
    Traffic.figures(
        "sigkill-restart",
        KILLS + " x SIGKILL of a child JVM mid-write, repaired by the next writer",
        "lines_acknowledged",
        totalAcked,
        "lines_in_files",
        lines,
        "lines_lost",
        lost,
        "lines_unparseable",
        unparseable,
        "duplicates",
        duplicates,
        "files_after_repair",
        Files2.closed(dir, "spans").size());
    assertThat(unparseable).isZero();
    assertThat(duplicates).isZero();
    assertThat(lost).as("acknowledged lines missing").isZero();
  }

  /** Starts a writer child from {@code firstSeq}, kills it mid-write; returns its last ack. */
  private long killMidWrite(long firstSeq) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CrashWriterMain.class.getName(),
            dir.toString(),
            String.valueOf(firstSeq));
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process child = pb.start();
    AtomicLong lastAck = new AtomicLong(-1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if (line.startsWith("ack ")) {
                    lastAck.set(Long.parseLong(line.substring(4)));
                  }
                }
              } catch (IOException e) {
                // the child was killed
              }
            });
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lastAck.get() < firstSeq + 20_000 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(lastAck.get()).as("child progress").isGreaterThanOrEqualTo(firstSeq + 20_000);

    // A second writer on the same folder while the child lives: the child's file is not touched.
    RotatingFileWriter bystander =
        new RotatingFileWriter(
            dir, "spans", 1 << 20, TimeUnit.MINUTES.toNanos(5), Long.MAX_VALUE, Clock.getDefault());
    bystander.close();
    long ackBefore = lastAck.get();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (lastAck.get() <= ackBefore && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(lastAck.get()).as("child still writing").isGreaterThan(ackBefore);

    child.destroyForcibly(); // SIGKILL, mid-write
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000);
    return lastAck.get();
  }
}
