package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.common.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads write through one writer rotating every few lines (hundreds of rotations per
 * second, with the real clock and the timer running); every line must be read back exactly once.
 */
class RotationStressTest {

  private static final int THREADS = 4;
  private static final int BATCHES = 1500;
  private static final int LINES = 4;

  @TempDir Path dir;

  @Test
  void everyLineExactlyOnceAcrossHundredsOfRotationsPerSecond() throws Exception {
    RotatingFileWriter writer =
        new RotatingFileWriter(
            dir,
            "spans",
            600,
            TimeUnit.MILLISECONDS.toNanos(20),
            Long.MAX_VALUE,
            Clock.getDefault());
    AtomicBoolean failed = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread th =
          new Thread(
              () -> {
                for (int b = 0; b < BATCHES; b++) {
                  if (!Lines.of(thread, (long) b * LINES, LINES, 40).writeTo(writer)) {
                    failed.set(true);
                  }
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    writer.close();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(failed).isFalse();
    assertThat(writer.failures()).isZero();

    int files = Files2.closed(dir, "spans").size();
    BitSet[] seen = new BitSet[THREADS];
    for (int t = 0; t < THREADS; t++) {
      seen[t] = new BitSet();
    }
    ObjectMapper json = new ObjectMapper();
    int lines = 0;
    for (String line : Files2.lines(dir, "spans")) {
      JsonNode node = json.readTree(line);
      int t = node.get("t").intValue();
      int seq = node.get("seq").intValue();
      assertThat(seen[t].get(seq)).as("line %s seen twice", line).isFalse();
      seen[t].set(seq);
      lines++;
    }
    assertThat(lines).isEqualTo(THREADS * BATCHES * LINES);
    for (BitSet s : seen) {
      assertThat(s.cardinality()).isEqualTo(BATCHES * LINES);
    }
    System.out.printf(
        "%d lines in %d files in %.2f s: %.0f rotations/s%n",
        lines, files, seconds, files / seconds);
    assertThat(files).isGreaterThan(1000);
  }
}
