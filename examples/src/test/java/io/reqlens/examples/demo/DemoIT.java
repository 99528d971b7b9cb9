package io.reqlens.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.examples.demo.RouteTable.Row;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Path data = Paths.get(System.getProperty("reqlens.e2e.dir"), "demo-data");
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
    assertThat(post.kept).as("POST is kept: rule 1, ratio 1").isEqualTo(post.sent);
    // A POST this run made slower than 500 ms is kept as slow instead: probability 1 either way.
    assertThat(post.byRule + post.bySlow)
        .as("POST kept by rule 1, or as slow")
        .isEqualTo(post.sent);
    assertThat(rows.get("GET /api/users/{id}").byRatio).as("rule 2 decides").isZero();
    assertThat(rows.get("GET /api/slow").byRatio).as("rule 3 decides").isZero();
    Row orders = rows.get("GET /api/orders");
    assertThat(orders.dbSpans).as("N+1: 13 queries per kept trace").isEqualTo(13 * orders.kept);
    assertThat(printed).as("the report's hot code section").contains("\nHOT CODE (");
    if (orders.kept > 0) {
      assertThat(printed)
          .as("the N+1's caller (looked up when the statement reached the threshold)")
          .contains("issued by io.reqlens.examples.Database.findUser(Database.java:");
    }
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

    servesTheDemoData(DemoSettings.of(Duration.ofSeconds(4)).extensionJar(), data);
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

  /**
   * {@code ./demo.sh --serve}: the dashboard over the files the real agent wrote, through the
   * command a user runs. The request page of the slowest request has its local trace from the span
   * files (OTLP/JSON as the jsonl exporter writes it).
   */
  private static void servesTheDemoData(Path extension, Path data) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process serve =
        new ProcessBuilder(
                java, "-jar", extension.toString(), "serve", "--port", "0", data.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      for (String line = out.readLine(); line != null && url == null; line = out.readLine()) {
        if (line.trim().startsWith("open: ")) {
          url = line.trim().substring("open: ".length());
        }
      }
      assertThat(url).as("the printed URL").startsWith("http://127.0.0.1:").contains("/?token=");
      URI base = URI.create(url.substring(0, url.indexOf("/?token=")));
      String bearer = "Bearer " + url.substring(url.indexOf("token=") + "token=".length());
      HttpClient http = HttpClient.newHttpClient();
      Function<String, String> get =
          path -> {
            try {
              HttpResponse<String> r =
                  http.send(
                      HttpRequest.newBuilder(base.resolve(path))
                          .header("Authorization", bearer)
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              assertThat(r.statusCode()).as(path).isEqualTo(200);
              return r.body();
            } catch (IOException | InterruptedException e) {
              throw new AssertionError(e);
            }
          };
      // The first read runs in the background: poll until it is done.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!get.apply("/api/v1/status").contains("\"ready\":true")) {
        assertThat(System.nanoTime()).as("serve read the files in time").isLessThan(deadline);
        Thread.sleep(100);
      }
      String overview = get.apply("/api/v1/overview");
      // What the random traffic kept varies; a POST is always kept (rule 1), so "slowest" is
      // never empty. Its request page has its local trace from the real span files.
      assertThat(overview).contains("\"schema\":1").contains("\"route\":\"/api/users\"");
      Matcher m =
          Pattern.compile("\"slowest\":\\[\\{\"ts_ns\":\\d+,\"trace_id\":\"([0-9a-f]{32})\"")
              .matcher(overview);
      assertThat(m.find()).as("a slowest request").isTrue();
      String request = get.apply("/api/v1/request?trace_id=" + m.group(1));
      assertThat(request)
          .contains("\"trace_id\":\"" + m.group(1) + "\"")
          .contains("\"spans\":[{") // from the span files
          .contains("\"kind\":\"SERVER\"")
          .contains("\"notes\":[]");
    } finally {
      serve.destroy();
      serve.waitFor();
    }
  }
}
