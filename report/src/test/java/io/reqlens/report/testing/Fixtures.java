package io.reqlens.report.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;

/**
 * The checked-in fixture folder {@code src/test/resources/io/reqlens/report/fixture}: one closed
 * file and one active file ending in a torn line, from {@link EventGenerator}. Regenerate with
 * {@code main} (then review the golden files).
 */
public final class Fixtures {

  /** Where the fixture starts: Friday 2026-11-20 09:00 UTC. */
  public static final long START_NS =
      Instant.parse("2026-11-20T09:00:00Z").getEpochSecond() * 1_000_000_000L;

  /** service.version switches from 1.0.0 to 1.1.0 here. */
  public static final long SWITCH_NS = START_NS + 3_600_000_000_000L;

  /** "Now" for the fixture tests: shortly after the last event. */
  public static final Instant NOW = Instant.parse("2026-11-20T11:30:00Z");

  public static final String CLOSED = "events-20261120T090000.000Z-4242-a1b2-1.jsonl";
  public static final String ACTIVE = "events-4242-c3d4.jsonl.active";

  private Fixtures() {}

  /** The fixture folder in the source tree (tests run with the module as working directory). */
  public static Path dir() {
    return Paths.get("src/test/resources/io/reqlens/report/fixture");
  }

  public static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    EventGenerator g = new EventGenerator(42);
    long ts;
    try (Writer w = Files.newBufferedWriter(dir.resolve(CLOSED), StandardCharsets.UTF_8)) {
      ts = g.write(w, 200, START_NS, 30_000_000_000L, SWITCH_NS);
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve(ACTIVE), StandardCharsets.UTF_8)) {
      g.write(w, 40, ts, 30_000_000_000L, SWITCH_NS);
      w.write("{\"v\":1,\"kind\":\"REQ\",\"ts_ns\":17636");
    }
  }

  public static void main(String[] args) throws IOException {
    write(args.length > 0 ? Paths.get(args[0]) : dir());
  }
}
