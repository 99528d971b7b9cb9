package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.common.Clock;
import java.io.BufferedReader;
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
 * A child JVM writing continuously is killed with SIGKILL mid-write; a writer started afterwards
 * repairs its active file. Every line of every file then parses, no partial line remains, and every
 * line the child was told was written is there exactly once. While the child is alive, a writer
 * starting in this process must leave the child's locked active file alone.
 */
class CrashRepairTest {

  @TempDir Path dir;

  @Test
  void killedWriterLosesNoAcknowledgedLineAndLeavesNoTornLine() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CrashWriterMain.class.getName(),
            dir.toString());
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
              } catch (java.io.IOException e) {
                // the child was killed
              }
            });
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lastAck.get() < 20_000 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(lastAck.get()).as("child progress").isGreaterThanOrEqualTo(20_000);

    // A second writer on the same folder while the child lives: the child's file is not touched.
    RotatingFileWriter bystander =
        new RotatingFileWriter(
            dir, "spans", 1 << 20, TimeUnit.MINUTES.toNanos(5), Long.MAX_VALUE, Clock.getDefault());
    bystander.close();
    long ackBefore = lastAck.get();
    Thread.sleep(200);
    assertThat(lastAck.get()).as("child still writing").isGreaterThan(ackBefore);

    child.destroyForcibly(); // SIGKILL, mid-write
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000);
    long acked = lastAck.get();

    RotatingFileWriter restart =
        new RotatingFileWriter(
            dir, "spans", 1 << 20, TimeUnit.MINUTES.toNanos(5), Long.MAX_VALUE, Clock.getDefault());
    restart.close();

    assertThat(RotatingFileWriterTest.activeFiles(dir)).isEmpty();
    ObjectMapper json = new ObjectMapper();
    BitSet seen = new BitSet();
    for (Path f : Files2.closed(dir, "spans")) {
      for (String line : Files2.read(f)) { // read() also fails on a missing final newline
        long seq = json.readTree(line).get("seq").longValue();
        assertThat(seen.get((int) seq)).as("seq %d twice", seq).isFalse();
        seen.set((int) seq);
      }
    }
    assertThat(seen.nextClearBit(0))
        .as("every acknowledged line is there")
        .isGreaterThan((int) acked);
  }
}
