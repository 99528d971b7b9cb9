package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.testing.EventGenerator;
import io.reqlens.report.testing.Fixtures;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, messages and filters of the command, in-process with a fixed clock. */
class ReportCliTest {

  private static final String FIXTURE = Fixtures.dir().toString();

  @TempDir Path tmp;

  @Test
  void fixtureWithATornTailIsExitZero() {
    Cli r = Cli.run("--zone", "UTC", FIXTURE);
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.err).isEmpty();
    assertThat(r.out).contains("1 torn last line(s) skipped");
  }

  @Test
  void skippedInputIsExitOneWithClearMessages() throws IOException {
    Path dir = copyFixture();
    Files.write(
        dir.resolve("events-20261120T100000.000Z-1-x-1.jsonl"),
        List.of(
            "{\"resourceSpans\":[]}",
            "garbage {",
            "{\"v\":2,\"kind\":\"REQ\",\"ts_ns\":1," + "\"trace_id\":\"t\",\"dur_ns\":1}"));
    Cli r = Cli.run("--zone", "UTC", dir.toString(), tmp.resolve("nope").toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.err)
        .contains("nope: no such file or folder")
        .contains("skipped 1 line(s) not valid JSON")
        .contains("skipped 1 JSON line(s) that are not request-profile events")
        .contains(
            "skipped 1 line(s) of a future schema version (written by a newer reqlens: this"
                + " one reads schema version 1, saw 2; upgrade reqlens)")
        .contains("events-20261120T100000.000Z-1-x-1.jsonl:2: not valid JSON: garbage {");
    assertThat(r.out).contains("240 requests").contains("INPUT PROBLEMS");
  }

  @Test
  void queriesOutsideAnyRequestAreCountedNotDropped() throws IOException {
    Path dir = copyFixture();
    String ddl =
        "{\"v\":1,\"kind\":\"DB\",\"ts_ns\":1795165000000000000,\"trace_id\":\"%s\","
            + "\"span_id\":\"5eed00000000000%d\",\"service\":\"reqlens-example\","
            + "\"service_version\":\"1.0.0\",\"sample_rate\":1.0,\"parent_span_id\":null,"
            + "\"db_system\":\"h2\",\"operation\":\"CREATE TABLE\",\"collection\":\"users\","
            + "\"query\":\"CREATE TABLE users (id INT)\",\"dur_ns\":1000,\"rows\":null,"
            + "\"error\":false}";
    Files.write(
        dir.resolve("events-20261120T080000.000Z-1-x-1.jsonl"),
        List.of(
            String.format(ddl, "aa000000000000000000000000000001", 1),
            String.format(ddl, "aa000000000000000000000000000002", 2)));
    Cli r = Cli.run("--zone", "UTC", dir.toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out)
        .contains("  outside requests: 2 queries (start-up, background work; not in the tables");
    assertThat(Cli.run("--zone", "UTC", FIXTURE).out).doesNotContain("outside requests");
  }

  @Test
  void emptyFolderIsNothingToReport() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Cli r = Cli.run(empty.toString());
    assertThat(r.code).isEqualTo(3);
    assertThat(r.err)
        .contains("no event files (events-*.jsonl) in this folder")
        .contains("nothing to report");
  }

  @Test
  void onlyInvalidLinesIsNothingToReport() throws IOException {
    Path f = tmp.resolve("events-1.jsonl");
    Files.write(f, List.of("{}", "[]"));
    Cli r = Cli.run(f.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(3);
    assertThat(r.err).contains("no valid events in the input");
  }

  @Test
  void unreadableFileIsSkippedAndTheRestReported() throws IOException {
    Path dir = copyFixture();
    // A folder where a file is expected, and a FIFO: skipped, counted, never opened.
    Files.createDirectory(dir.resolve("events-20261120T100000.000Z-9-z-1.jsonl"));
    Path fifo = dir.resolve("fifo.jsonl");
    boolean haveFifo = mkfifo(fifo);
    Cli r = Cli.run("--zone", "UTC", dir.toString(), haveFifo ? fifo.toString() : dir.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.err)
        .contains("events-20261120T100000.000Z-9-z-1.jsonl: a folder named like an event file");
    if (haveFifo) {
      assertThat(r.err).contains("fifo.jsonl: not a regular file or folder (a FIFO");
    }
    assertThat(r.out).contains("240 requests");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(Cli.run("--since", "last tuesday", FIXTURE).err).contains("invalid --since");
    assertThat(Cli.run("--since", "last tuesday", FIXTURE).code).isEqualTo(2);
    assertThat(Cli.run("--status", "6xx", FIXTURE).err).contains("not a status");
    assertThat(Cli.run("--sort", "fastest", FIXTURE).err).contains("accepted: p95, p50");
    assertThat(Cli.run("--min-duration", "250parsecs", FIXTURE).err)
        .contains("invalid duration '250parsecs'")
        .contains("a bare number means milliseconds");
    assertThat(Cli.run("--min-duration", "250", FIXTURE).code)
        .as("a bare number is milliseconds, as for every key")
        .isZero();
    assertThat(Cli.run("--route", "~(", FIXTURE).code).isEqualTo(2);
    assertThat(Cli.run("--no-such-option", FIXTURE).code).isEqualTo(2);
    assertThat(Cli.run().code).as("an input is required").isEqualTo(2);
    assertThat(Cli.run("--compare-versions", "1.0", FIXTURE).err).contains("two versions");
    assertThat(Cli.run("--outlier-factor", "0.5", FIXTURE).code).isEqualTo(2);
    assertThat(Cli.run("--confidence", "100", FIXTURE).err)
        .contains("--confidence must be a percentage from 50 to 99.9999");
    assertThat(Cli.run("--confidence", "0.95", FIXTURE).code).as("a percentage").isEqualTo(2);
  }

  /** A higher level widens every interval around the same estimates; 1.0 rates stay exact. */
  @Test
  void confidenceSetsTheLevelOfEveryInterval() {
    Cli at95 = Cli.run("--zone", "UTC", FIXTURE);
    Cli at999 = Cli.run("--zone", "UTC", "--confidence", "99.9", FIXTURE);
    assertThat(at95.out).contains("(~532 estimated, 95% CI 450-635)", "ESTIMATES (95% intervals");
    assertThat(at999.out)
        .contains("(~532 estimated, 99.9% CI ", "ESTIMATES (99.9% intervals", "99.9% CI")
        .containsPattern("GET /api/error +13 +13 +13-13 +100\\.0 +100\\.0-100\\.0 +1\\n");
    String users95 = line(at95.out, "  GET /api/users  ");
    String users999 = line(at999.out, "  GET /api/users  ");
    assertThat(users95).contains(" 188 ", "162-217");
    assertThat(users999).contains(" 188 ").doesNotContain("162-217");
  }

  /** The first line of the ESTIMATES section starting with {@code prefix}. */
  private static String line(String out, String prefix) {
    String section = out.substring(out.indexOf("ESTIMATES ("));
    for (String l : section.split("\n")) {
      if (l.startsWith(prefix)) {
        return l;
      }
    }
    throw new AssertionError("no " + prefix + " in " + section);
  }

  @Test
  void unwritableHtmlIsExitFour() throws IOException {
    Path dirInTheWay = Files.createDirectory(tmp.resolve("report.html"));
    Cli r = Cli.run("--html", dirInTheWay.toString(), FIXTURE);
    assertThat(r.code).isEqualTo(4);
    assertThat(r.err).contains("cannot write the HTML report");
  }

  @Test
  void filtersNarrowTheReport() {
    Cli r =
        Cli.run("--zone", "UTC", "--json", "--route", "/api/users/**", "--method", "get", FIXTURE);
    assertThat(r.out)
        .contains("\"route\" : \"/api/users/{id}\"")
        .contains("\"route\" : \"/api/users\"")
        .doesNotContain("\"route\" : \"/api/orders\"")
        .doesNotContain("\"method\" : \"POST\"");
    Cli errors = Cli.run("--zone", "UTC", "--status", "5xx", FIXTURE);
    assertThat(errors.out)
        .contains("13 requests")
        .contains("GET /api/error")
        .doesNotContain("GET /healthz");
    Cli slow = Cli.run("--zone", "UTC", "--min-duration", "500ms", FIXTURE);
    assertThat(slow.out).startsWith("reqlens report: 9 requests");
    Cli none = Cli.run("--service", "other", FIXTURE);
    assertThat(none.code).isEqualTo(3);
    assertThat(none.err).contains("no request matched the filters (240 left out)");
  }

  @Test
  void relativeSinceUsesTheClock() throws IOException {
    Path dir = tmp.resolve("live");
    Files.createDirectories(dir);
    Instant now = Instant.parse("2026-11-21T12:00:00Z");
    long nowNs = now.getEpochSecond() * 1_000_000_000L;
    try (Writer w =
        Files.newBufferedWriter(dir.resolve("events-1.jsonl"), StandardCharsets.UTF_8)) {
      // 60 requests over about the last hour.
      new EventGenerator(7).write(w, 60, nowNs - 3_600_000_000_000L, 55_000_000_000L, 0);
    }
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    Cli all = Cli.run(clock, "--json", dir.toString());
    Cli last15 = Cli.run(clock, "--json", "--since", "15m", dir.toString());
    long total = requests(all.out);
    long recent = requests(last15.out);
    assertThat(total).isEqualTo(60);
    assertThat(recent).isBetween(5L, 30L);
    Cli until = Cli.run(clock, "--json", "--until", "15m", dir.toString());
    assertThat(requests(until.out) + recent).isEqualTo(total);
  }

  @Test
  void compareWindowsAsOneDuration() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T11:00:00Z"), ZoneOffset.UTC);
    Cli r = Cli.run(clock, "--zone", "UTC", "--compare-windows", "1h", FIXTURE);
    assertThat(r.out)
        .contains("COMPARE windows: A = the 1h before, B = the last 1h")
        .contains("GET /api/users/{id}");
  }

  @Test
  void helpListsEveryOptionAndTheExitCodes() {
    Cli r = Cli.run("--help");
    assertThat(r.code).isZero();
    assertThat(r.out)
        .contains(
            "--since",
            "--until",
            "--route",
            "--method",
            "--status",
            "--service",
            "--min-duration",
            "--sort",
            "--limit",
            "--top",
            "--n-plus-one",
            "--outlier-factor",
            "--compare-versions",
            "--compare-windows",
            "--json",
            "--html",
            "--zone",
            "Exit codes:");
  }

  private static long requests(String json) {
    int at = json.indexOf("\"requests\" : ");
    int end = json.indexOf(',', at);
    return Long.parseLong(json.substring(at + 13, end).trim());
  }

  private Path copyFixture() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    for (String name : new String[] {Fixtures.CLOSED, Fixtures.ACTIVE}) {
      Files.copy(Fixtures.dir().resolve(name), dir.resolve(name));
    }
    return dir;
  }

  private static boolean mkfifo(Path p) {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
