package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's hot code: {@code PROF} stacks merged per route and weighted by 1/sample_rate, ranked
 * by self and total time, in the terminal and in {@code --json}; the slowest requests' own stacks;
 * the N+1 caller from the {@code DB} events.
 */
class HotCodeReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long T0 = 1_795_165_000_000_000_000L;

  @TempDir Path dir;

  /**
   * Two requests of GET /api/cpu: one kept with probability 1 (8 samples computing, 2 sleeping),
   * one kept with probability 1/4 (2 samples sleeping, so it stands for 4 requests: 8). Weighted,
   * sleeping is 10 of 18 (55.6 %); unweighted it would be 4 of 12. Sampled time per request,
   * weighted: (1 x 100 ms + 4 x 20 ms) / 5 = 36 ms.
   */
  private void writeEvents() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(req("a1", "/api/cpu", 1.0, 300));
    lines.add(
        prof(
            "a1",
            "/api/cpu",
            1.0,
            10,
            "java.lang.Thread.run;com.acme.Api.cpu;com.acme.Api.compute 8",
            "java.lang.Thread.run;com.acme.Api.cpu;java.lang.Thread.sleep;[TIMED_WAITING] 2"));
    lines.add(req("b2", "/api/cpu", 0.25, 200));
    lines.add(
        prof(
            "b2",
            "/api/cpu",
            0.25,
            2,
            "java.lang.Thread.run;com.acme.Api.cpu;java.lang.Thread.sleep;[TIMED_WAITING] 2"));
    for (int i = 0; i < 6; i++) {
      lines.add(
          db(
              "c3",
              "SELECT name FROM users WHERE id = ?",
              i < 2 ? null : "com.acme.Orders.user(Orders.java:42)"));
    }
    lines.add(req("c3", "/api/orders", 1.0, 5));
    Files.write(dir.resolve("events-1.jsonl"), lines, StandardCharsets.UTF_8);
  }

  @Test
  void theTerminalNamesEachRoutesHottestFramesWeightedBySampleRate() throws IOException {
    writeEvents();
    Cli r = Cli.run("--zone", "UTC", dir.toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out)
        .contains("  Its hottest code       java.lang.Thread.sleep  55.6% of its samples (self)")
        .contains("                         issued by com.acme.Orders.user(Orders.java:42)")
        .contains("HOT CODE (")
        .containsPattern(
            "\\n  GET /api/cpu +2 requests, 12 samples, ~36.0ms sampled per request\\n")
        .containsPattern(
            "SELF%\\s+55\\.6  java\\.lang\\.Thread\\.sleep\\n\\s+44\\.4  com\\.acme\\.Api\\.compute")
        .containsPattern(
            "TOTAL%\\s+100\\.0  com\\.acme\\.Api\\.cpu\\n\\s+44\\.4  com\\.acme\\.Api\\.compute");
    for (String line : r.out.split("\n")) {
      assertThat(line.length()).as("too wide: %s", line).isLessThanOrEqualTo(112);
    }
  }

  @Test
  void theJsonHasTheSameDataAndTheStacksAFlameGraphDraws() throws IOException {
    writeEvents();
    Cli r = Cli.run("--zone", "UTC", "--json", dir.toString());
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode doc = JSON.readTree(r.out);

    JsonNode cpu = doc.get("hot_code").get(0);
    assertThat(cpu.get("route").asText()).isEqualTo("/api/cpu");
    assertThat(cpu.get("requests").asLong()).isEqualTo(2);
    assertThat(cpu.get("samples").asLong()).isEqualTo(12);
    assertThat(cpu.get("weighted_samples").asDouble()).isEqualTo(18.0);
    assertThat(cpu.get("self").get(0).get("frame").asText()).isEqualTo("java.lang.Thread.sleep");
    assertThat(cpu.get("self").get(0).get("pct").asDouble()).isEqualTo(55.556);
    assertThat(texts(cpu.get("total"), "frame"))
        .as("application frames only: not java.lang.Thread.run")
        .containsExactly("com.acme.Api.cpu", "com.acme.Api.compute");
    assertThat(texts(cpu.get("stacks"), null))
        .containsExactly(
            "java.lang.Thread.run;com.acme.Api.cpu;java.lang.Thread.sleep;[TIMED_WAITING] 10",
            "java.lang.Thread.run;com.acme.Api.cpu;com.acme.Api.compute 8");
    assertThat(doc.get("hot_code")).as("only routes with samples").hasSize(1);

    JsonNode slowest = doc.get("slowest").get(0);
    assertThat(slowest.get("trace_id").asText()).isEqualTo(trace("a1"));
    assertThat(slowest.get("profile").get("samples").asLong()).isEqualTo(10);
    assertThat(slowest.get("profile").get("interval_ns").asLong()).isEqualTo(10_000_000L);
    assertThat(slowest.get("profile").get("stacks")).hasSize(2);
    assertThat(doc.get("slowest").get(2).get("profile").isNull()).as("/api/orders").isTrue();

    assertThat(doc.get("n_plus_one").get(0).get("caller").asText())
        .isEqualTo("com.acme.Orders.user(Orders.java:42)");
    assertThat(doc.get("highlights").get("n_plus_one_caller").asText())
        .isEqualTo("com.acme.Orders.user(Orders.java:42)");
    assertThat(doc.get("highlights").get("slowest_route_hottest_frame").asText())
        .isEqualTo("java.lang.Thread.sleep");
    assertThat(doc.get("input").get("events").get("PROF").asLong()).isEqualTo(2);
  }

  @Test
  void theHtmlHasAPlaceAndTheStacksForEachFlameGraph() throws IOException {
    writeEvents();
    Path html = dir.resolve("report.html");
    Cli r = Cli.run("--zone", "UTC", "--html", html.toString(), dir.toString());
    assertThat(r.code).as(r.toString()).isZero();
    String page = Files.readString(html);
    assertThat(page)
        .contains("<section id=\"hot-code-section\"><h2>Hot code</h2>")
        .contains("<div class=\"flamegraph\" data-flame=\"hotCode/0\"></div>")
        .contains("<div class=\"flamegraph\" data-flame=\"slowestProfiles/0\"></div>")
        .contains("\"hotCode\":[{\"name\":\"GET /api/cpu\",\"samples\":12,\"stacks\":[")
        .contains("\"slowestProfiles\":[{\"name\":\"GET /api/cpu\"");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
    return out;
  }

  private static String trace(String id) {
    return "0".repeat(32 - id.length()) + id;
  }

  private static String req(String id, String route, double rate, long ms) {
    return String.format(
        "{\"kind\":\"REQ\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"00000000000000%s\","
            + "\"service\":\"shop\",\"service_version\":null,\"sample_rate\":%s,\"method\":\"GET\","
            + "\"route\":\"%s\",\"path\":\"%s\",\"status\":200,\"dur_ns\":%d,\"bytes_in\":null,"
            + "\"bytes_out\":null,\"error\":false,\"db_count\":null,\"db_dur_ns\":null}",
        T0, trace(id), id, rate, route, route, ms * 1_000_000L);
  }

  private static String prof(String id, String route, double rate, long samples, String... stacks) {
    StringBuilder s = new StringBuilder();
    for (String stack : stacks) {
      s.append(s.length() == 0 ? "" : ",").append('"').append(stack).append('"');
    }
    return String.format(
        "{\"kind\":\"PROF\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"00000000000000%s\","
            + "\"service\":\"shop\",\"service_version\":null,\"sample_rate\":%s,\"route\":\"%s\","
            + "\"interval_ns\":10000000,\"samples\":%d,\"stacks\":[%s]}",
        T0, trace(id), id, rate, route, samples, s);
  }

  private static String db(String id, String query, String caller) {
    return String.format(
        "{\"kind\":\"DB\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"00000000000000ff\","
            + "\"service\":\"shop\",\"service_version\":null,\"sample_rate\":1.0,"
            + "\"parent_span_id\":\"00000000000000%s\",\"db_system\":\"h2\",\"operation\":\"SELECT\","
            + "\"collection\":\"users\",\"query\":\"%s\",\"dur_ns\":1000000,\"rows\":null,"
            + "\"error\":false,\"caller\":%s}",
        T0, trace(id), id, query, caller == null ? "null" : "\"" + caller + "\"");
  }
}
