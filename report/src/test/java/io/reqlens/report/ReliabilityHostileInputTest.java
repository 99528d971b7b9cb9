package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability: hostile inputs to {@code report} (issue 15, findings 2, 3 and 6). Entries named like
 * event files that are a FIFO, a link to {@code /dev/zero} or a folder are skipped and counted,
 * never opened blocking; control and bidi characters in any value never reach the terminal raw;
 * impossible values are counted as invalid lines, never shown as real. Every run has a time limit,
 * so a hang fails the test instead of the build.
 */
class ReliabilityHostileInputTest {

  static final long TS = 1_763_700_000_000_000_000L;
  static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir Path tmp;

  @Test
  void specialFilesInAFolderAreSkippedAndCountedNeverOpened() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("data"));
    Files.write(dir.resolve("events-20261120T090000.000Z-1-a-1.jsonl"), lines(good(5)));
    mkfifo(dir.resolve("events-20261120T090001.000Z-1-a-2.jsonl"));
    Files.createSymbolicLink(
        dir.resolve("events-20261120T090002.000Z-1-a-3.jsonl"), Paths.get("/dev/zero"));
    Files.createDirectory(dir.resolve("events-20261120T090003.000Z-1-a-4.jsonl"));
    mkfifo(dir.resolve("events-9-fifo.jsonl.active"));
    Cli r = assertTimeoutPreemptively(LIMIT, () -> Cli.run("--zone", "UTC", dir.toString()));
    figures("special-files", r, 4);
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("5 requests");
    assertThat(r.err).contains("skipped 4 entries named like event files that are not regular");
    assertThat(r.err).contains("events-20261120T090001.000Z-1-a-2.jsonl: not a regular file");
  }

  @Test
  void aFifoOrDeviceNamedOnTheCommandLineIsSkipped() throws Exception {
    Path fifo = tmp.resolve("events-x.jsonl");
    mkfifo(fifo);
    Cli r = assertTimeoutPreemptively(LIMIT, () -> Cli.run(fifo.toString(), "/dev/zero"));
    assertThat(r.code).as(r.toString()).isEqualTo(3);
    assertThat(r.err).contains(fifo + ": not a regular file").contains("/dev/zero: not a regular");
  }

  @Test
  void aLinkLoopIsNotReportedAsMissing() throws Exception {
    Path a = tmp.resolve("events-a.jsonl");
    Path b = tmp.resolve("events-b.jsonl");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    Cli r = assertTimeoutPreemptively(LIMIT, () -> Cli.run(a.toString()));
    assertThat(r.err).contains(a + ": cannot read").doesNotContain("no such file");
  }

  static final String[] HOSTILE = {
    "\u001b]0;pwned\u0007", // retitle the window, BEL
    "\u001b[2J\u001b[H", // clear the screen
    "\u009b31m", // C1 CSI
    "\u202eevil\u202c", // right-to-left override
    "\u2066isolate\u2069",
    "a\u200bb\u200fc\u061c",
    "del\u007f",
    "cr\rtab\tnl\n",
  };

  @Test
  void controlAndBidiCharactersNeverReachTheTerminal() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("data"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < HOSTILE.length; i++) {
      String h = HOSTILE[i];
      String trace = String.format(Locale.ROOT, "%032x", i + 1);
      lines.add(
          req(trace, "GE" + h, "/api/" + h, h + "svc", 500, 2_000_000 + i, 1.0, 3)
              .replace("\"service_version\":\"1\"", "\"service_version\":" + str(h)));
      lines.add(
          "{\"kind\":\"REQ_META\",\"v\":1,\"ts_ns\":"
              + (TS + 1)
              + ",\"trace_id\":\""
              + trace
              + "\",\"span_id\":\"00f067aa0ba902b7\",\"service\":\"svc\",\"sample_rate\":1.0,"
              + "\"route\":"
              + str("/api/" + h)
              + ",\"exception_type\":"
              + str("Boom" + h)
              + ",\"exception_value\":"
              + str("msg" + h)
              + ",\"traceback\":"
              + str("Boom" + h + "\n\tat x.Y.z(" + h + ")\n")
              + "}");
      for (int q = 0; q < 6; q++) {
        lines.add(
            "{\"kind\":\"DB\",\"v\":1,\"ts_ns\":"
                + (TS + 2)
                + ",\"trace_id\":\""
                + trace
                + "\",\"span_id\":\"00f067aa0ba902c"
                + q
                + "\",\"parent_span_id\":\"00f067aa0ba902b7\",\"service\":\"svc\","
                + "\"sample_rate\":1.0,\"db_system\":"
                + str("h2" + h)
                + ",\"operation\":\"SELECT\",\"collection\":"
                + str("t" + h)
                + ",\"query\":"
                + str("SELECT " + h + " FROM t WHERE id = ?")
                + ",\"dur_ns\":1000,\"rows\":1,\"error\":false}");
      }
    }
    Files.write(dir.resolve("events-20261120T090000.000Z-1-a-1.jsonl"), lines(lines));
    Path bad = dir.resolve("events-20261120T090001.000Z-1-a-2\u001b[31m.jsonl");
    Files.write(bad, "garbage \u001b[2J {\n".getBytes(StandardCharsets.UTF_8));
    Cli text =
        assertTimeoutPreemptively(
            LIMIT, () -> Cli.run("--zone", "UTC", "--compare-versions", "1,2", dir.toString()));
    Cli json = assertTimeoutPreemptively(LIMIT, () -> Cli.run("--json", dir.toString()));
    figures("control-characters", text, HOSTILE.length);
    assertThat(text.out).as(text.toString()).contains("GE\\x1b]0;pwned\\x07");
    assertThat(text.out).contains("\\u202eevil\\u202c");
    for (Cli r : new Cli[] {text, json}) {
      assertNoRawControls(r.out);
      assertNoRawControls(r.err);
    }
    assertThat(json.out).contains("\\u202e").containsIgnoringCase("\\u001b");
  }

  @Test
  void impossibleValuesAreCountedAsInvalidNeverShownAsReal() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("data"));
    List<String> lines = new ArrayList<>(good(10));
    lines.add(req(trace(100), "GET", "/neg", "svc", 200, 1_000_000, 1.0, -5)); // db_count < 0
    lines.add(req(trace(101), "GET", "/huge", "svc", 200, Long.MAX_VALUE - 1, 1.0, 0));
    lines.add(req(trace(102), "GET", "/neg", "svc", 200, -1, 1.0, 0)); // negative duration
    lines.add(req(trace(103), "GET", "/tiny", "svc", 200, 1_000_000, 1e-300, 0));
    lines.add(req(trace(104), "GET", "/zero", "svc", 200, 1_000_000, 0.0, 0));
    lines.add(req(trace(105), "GET", "/over", "svc", 200, 1_000_000, 1.5, 0));
    lines.add(req(trace(106), "GET", "/status", "svc", -200, 1_000_000, 1.0, 0));
    lines.add(
        req(trace(107), "GET", "/nan", "svc", 200, 1_000_000, 1.0, 0)
            .replace("\"sample_rate\":1.0", "\"sample_rate\":\"x\""));
    lines.add(
        req(trace(108), "GET", "/float", "svc", 200, 1_000_000, 1.0, 0)
            .replace("\"dur_ns\":1000000", "\"dur_ns\":1e300"));
    Files.write(dir.resolve("events-20261120T090000.000Z-1-a-1.jsonl"), lines(lines));
    Cli text = assertTimeoutPreemptively(LIMIT, () -> Cli.run("--zone", "UTC", dir.toString()));
    Cli json = assertTimeoutPreemptively(LIMIT, () -> Cli.run("--json", dir.toString()));
    figures("impossible-values", text, 9);
    assertThat(text.code).as(text.toString()).isEqualTo(1);
    assertThat(text.err).contains("skipped 9 line(s) with impossible values");
    assertThat(text.out)
        .contains("10 requests (~10 estimated")
        .doesNotContain("/neg")
        .doesNotContain("/huge")
        .doesNotContain("/tiny");
    assertThat(json.out).doesNotContain("_ns\":-").doesNotContain("\"/huge\"");
  }

  static void assertNoRawControls(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad =
          (c < 0x20 && c != '\n')
              || (c >= 0x7f && c <= 0x9f)
              || (c >= 0x200b && c <= 0x200f)
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x061c;
      assertThat(bad)
          .as("raw U+%04X at %d: ...%s...", (int) c, i, s.substring(Math.max(0, i - 30), i))
          .isFalse();
    }
  }

  private static void figures(String what, Cli r, int hostile) {
    System.out.println(
        "RELIABILITY report-"
            + what
            + " [in-process report] hostile_entries_or_lines="
            + hostile
            + " exit="
            + r.code
            + " stdout_chars="
            + r.out.length()
            + " stderr_lines="
            + r.err.split("\n").length);
  }

  static String trace(int n) {
    return String.format(Locale.ROOT, "%032x", n);
  }

  static List<String> good(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(req(trace(i + 1), "GET", "/api/ok", "svc", 200, 1_000_000 + i, 1.0, 0));
    }
    return out;
  }

  static String req(
      String trace,
      String method,
      String route,
      String service,
      long status,
      long durNs,
      double rate,
      long dbCount) {
    return "{\"kind\":\"REQ\",\"v\":1,\"ts_ns\":"
        + TS
        + ",\"trace_id\":\""
        + trace
        + "\",\"span_id\":\"00f067aa0ba902b7\",\"service\":"
        + str(service)
        + ",\"service_version\":\"1\",\"sample_rate\":"
        + rate
        + ",\"method\":"
        + str(method)
        + ",\"route\":"
        + str(route)
        + ",\"path\":"
        + str(route)
        + ",\"status\":"
        + status
        + ",\"dur_ns\":"
        + durNs
        + ",\"bytes_in\":null,\"bytes_out\":null,\"error\":"
        + (status >= 500)
        + ",\"db_count\":"
        + dbCount
        + ",\"db_dur_ns\":0}";
  }

  /** A JSON string literal. */
  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static byte[] lines(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static void mkfifo(Path p) throws IOException, InterruptedException {
    Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(proc.waitFor()).as("mkfifo " + p).isZero();
  }
}
