package io.reqlens.report.internal.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.reqlens.report.testing.Fixtures;
import io.reqlens.report.testing.ServeData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower reads only what is new, across growth, torn lines, rotation and deletion. */
class FollowerTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Fixtures.NOW);

  private Model model(Duration window, int maxRequests) {
    DashboardConfig c =
        new DashboardConfig()
            .inputs(java.util.List.of(dir))
            .window(window)
            .maxRequests(maxRequests)
            .clock(clock);
    return new Model(c, c.filter);
  }

  private static String req(String trace, long ts) {
    return "{\"kind\":\"REQ\",\"v\":1,\"ts_ns\":"
        + ts
        + ",\"trace_id\":\""
        + trace
        + "\",\"span_id\":\"00000000000000aa\",\"service\":\"s\",\"sample_rate\":1.0,"
        + "\"method\":\"GET\",\"route\":\"/a\",\"path\":\"/a\",\"status\":200,\"dur_ns\":1000000,"
        + "\"error\":false}\n";
  }

  private static String trace(int i) {
    return String.format("%032x", i + 1);
  }

  private void append(String name, String text) throws IOException {
    Files.write(
        dir.resolve(name),
        text.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  @Test
  void readsOnlyWhatWasAppendedAndNeverATornLine() throws IOException {
    Model m = model(Duration.ofHours(24), 1000);
    Follower f = new Follower(m);
    long ts = Fixtures.START_NS;
    append("events-1-a.jsonl.active", req(trace(0), ts) + req(trace(1), ts));
    f.poll();
    assertThat(m.store.added()).isEqualTo(2);
    long afterFirst = m.bytesRead;

    String third = req(trace(2), ts);
    append("events-1-a.jsonl.active", third.substring(0, 40)); // the writer is mid-line
    f.poll();
    assertThat(m.store.added()).isEqualTo(2);
    assertThat(m.bytesRead).isEqualTo(afterFirst);

    append("events-1-a.jsonl.active", third.substring(40));
    f.poll();
    assertThat(m.store.added()).isEqualTo(3);
    assertThat(m.bytesRead).isEqualTo(Files.size(dir.resolve("events-1-a.jsonl.active")));
    assertThat(m.ingest.lines().stats().problems()).isZero();
  }

  @Test
  void rotationRenamesWithoutRereadingAndTheNewActiveFileIsReadFromItsStart() throws IOException {
    Model m = model(Duration.ofHours(24), 1000);
    Follower f = new Follower(m);
    long ts = Fixtures.START_NS;
    append("events-1-a.jsonl.active", req(trace(0), ts) + req(trace(1), ts));
    f.poll();
    Files.move(
        dir.resolve("events-1-a.jsonl.active"),
        dir.resolve("events-20261120T090000.000Z-1-a-000001.jsonl"));
    append("events-1-a.jsonl.active", req(trace(2), ts));
    f.poll();
    assertThat(m.store.added()).isEqualTo(3);
    assertThat(m.store.find(trace(0))).hasSize(1);
    assertThat(m.files).hasSize(2);

    // Retention deletes the closed file: it is forgotten, what was read stays in the window.
    Files.delete(dir.resolve("events-20261120T090000.000Z-1-a-000001.jsonl"));
    f.poll();
    assertThat(m.files).hasSize(1);
    assertThat(m.filesGone).isEqualTo(1);
    assertThat(m.store.added()).isEqualTo(3);
  }

  @Test
  void aFileReplacedInPlaceIsReadAgainFromItsStart() throws IOException {
    Model m = model(Duration.ofHours(24), 1000);
    Follower f = new Follower(m);
    append("events-1-a.jsonl.active", req(trace(0), Fixtures.START_NS) + req(trace(1), 1));
    f.poll();
    // Truncated (same file, shorter): everything in it now is new.
    Files.write(
        dir.resolve("events-1-a.jsonl.active"),
        req(trace(5), Fixtures.START_NS).getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.TRUNCATE_EXISTING);
    f.poll();
    assertThat(m.store.find(trace(5))).hasSize(1);
  }

  @Test
  void filesLastWrittenBeforeTheWindowAreNotRead() throws IOException {
    Model m = model(Duration.ofHours(1), 1000);
    Follower f = new Follower(m);
    append("events-20261119T000000.000Z-1-a-000001.jsonl", req(trace(0), Fixtures.START_NS));
    Files.setLastModifiedTime(
        dir.resolve("events-20261119T000000.000Z-1-a-000001.jsonl"),
        FileTime.from(Fixtures.NOW.minus(Duration.ofHours(3))));
    f.poll();
    assertThat(m.filesSkippedOld).isEqualTo(1);
    assertThat(m.bytesRead).isZero();
  }

  @Test
  void theWindowMovesAndTheCapBounds() throws IOException {
    Model m = model(Duration.ofMinutes(10), 3);
    Follower f = new Follower(m);
    long now = Fixtures.NOW.getEpochSecond() * 1_000_000_000L;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      b.append(req(trace(i), now - (9 - i) * 60_000_000_000L)); // 9, 8, 7, 6, 5 minutes ago
    }
    b.append(req(trace(9), now - 20 * 60_000_000_000L)); // before the window: never kept
    append("events-1-a.jsonl.active", b.toString());
    f.poll();
    assertThat(m.store.size()).isEqualTo(3); // the cap
    assertThat(m.store.evictedByCap()).isEqualTo(2);
    assertThat(m.ingest.olderThanWindow()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(4).plusSeconds(1)); // the requests of 7 and 6 min ago leave
    f.poll();
    assertThat(m.store.size()).isEqualTo(1);
    assertThat(m.store.find(trace(4))).hasSize(1);
  }

  @Test
  void aFifoNamedLikeADataFileIsNeverOpened() throws Exception {
    Path fifo = dir.resolve("events-fifo.jsonl");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo is missing");
    assertThat(new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start().waitFor()).isZero();
    Model m = model(Duration.ofHours(24), 1000);
    Follower f = new Follower(m);
    // Opening a FIFO for reading blocks until a writer comes: the follower must not try.
    assertTimeoutPreemptively(Duration.ofSeconds(30), f::poll);
    assertThat(m.files).isEmpty();
  }

  @Test
  void theKnownRequestIsFoundWithItsSpanAndProfileLines() throws IOException {
    ServeData.write(dir);
    Model m = model(Duration.ofHours(24), 1000);
    new Follower(m).poll();
    assertThat(m.store.size()).isEqualTo(241);
    assertThat(m.spans.find(ServeData.TRACE)).isNotNull();
    assertThat(m.profiles.size()).isEqualTo(1);
    RequestDetail d = RequestDetail.load(m, ServeData.TRACE);
    String json = new String(ApiJson.bytes(g -> d.write(g, null)), StandardCharsets.UTF_8);
    assertThat(json)
        .contains(ServeData.N_PLUS_ONE)
        .contains(ServeData.OTHER_QUERY)
        .contains(ServeData.EXCEPTION)
        .contains(ServeData.HOT_FRAME)
        .contains("\"count\":6")
        .doesNotContain("sku-") // the literal in the span's SQL is sanitized again
        .doesNotContain("SECRET"); // header attributes are never shown
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
