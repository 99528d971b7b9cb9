package io.reqlens.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.examples.demo.RouteTable.Row;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo briefly (the same code {@code ./demo.sh} runs) and checks the table against the
 * showcase configuration: only facts that hold whatever the random traffic was.
 */
class DemoIT {

  @Test
  void demoTableShowsWhatTheConfigurationKeeps() throws Exception {
    System.setProperty("reqlens.demo.dir", System.getProperty("reqlens.e2e.dir") + "/demo");
    java.nio.file.Path data =
        java.nio.file.Paths.get(System.getProperty("reqlens.e2e.dir"), "demo-data");
    System.setProperty("reqlens.demo.data", data.toString());
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    RouteTable table = new Demo(DemoSettings.of(Duration.ofSeconds(4)), out).run();
    Map<String, Row> rows =
        table.rows().stream().collect(Collectors.toMap(r -> r.label, Function.identity()));

    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("route", "sent", "kept", "excluded", "GET /api/orders", "total")
        .contains("Files written by the jsonl and req exporters in " + data.toAbsolutePath())
        .contains("events-", "spans-")
        .as("the report of the generated traffic")
        .contains(
            "HIGHLIGHTS",
            "ESTIMATES (99% intervals",
            "GET /api/orders",
            data.resolve("report.html").toAbsolutePath().toString());
    assertThat(data.resolve("report.html")).isRegularFile();
    assertThat(rows.values())
        .allSatisfy(
            r -> {
              assertThat(r.kept)
                  .isEqualTo(r.byRatio + r.byRule + r.byParent + r.byError + r.bySlow);
              assertThat(r.kept + r.excluded).isLessThanOrEqualTo(r.sent);
            });
    Row error = rows.get("GET /api/error");
    assertThat(error.kept).as("keep-errors: every failing request").isEqualTo(error.sent);
    for (String label : new String[] {"GET /health", "GET /static/app.css"}) {
      assertThat(rows.get(label).excluded).as(label).isEqualTo(rows.get(label).sent);
    }
    Row post = rows.get("POST /api/users");
    assertThat(post.byRule).as("POST is kept by rule 1, ratio 1").isEqualTo(post.sent);
    assertThat(rows.get("GET /api/users/{id}").byRatio).as("rule 2 decides").isZero();
    assertThat(rows.get("GET /api/slow").byRatio).as("rule 3 decides").isZero();
    Row orders = rows.get("GET /api/orders");
    assertThat(orders.dbSpans).as("N+1: 13 queries per kept trace").isEqualTo(13 * orders.kept);
    assertThat(rows.values().stream().mapToInt(r -> r.sent).sum()).as("sent").isPositive();
    // Kept with probability 1 (keep-errors; rule 1 at ratio 1, the marker included): the report's
    // estimate is the sent count, with an interval of one point. (A slow box may send no error in
    // 4 s; the POST marker is always there.)
    for (String label : new String[] {"GET /api/error", "POST /api/users"}) {
      int sent = rows.get(label).sent;
      if (sent == 0) {
        continue;
      }
      assertThat(estimatesRow(printed, label))
          .as(label)
          .startsWith(label + " " + sent + " " + sent + " " + sent + "-" + sent + " ");
    }
  }

  /** The route's line of the report's ESTIMATES section, blanks collapsed. */
  private static String estimatesRow(String printed, String label) {
    String section = printed.substring(printed.indexOf("\nESTIMATES ("));
    for (String line : section.split("\n")) {
      if (line.startsWith("  " + label + " ")) {
        return line.trim().replaceAll(" +", " ");
      }
    }
    throw new AssertionError("no " + label + " in the ESTIMATES section:\n" + section);
  }
}
