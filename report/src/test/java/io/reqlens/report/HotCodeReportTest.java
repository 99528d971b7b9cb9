package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

  @TempDir Path dir;

  private void writeEvents() throws IOException {
    ProfileEvents.write(dir);
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
    assertThat(slowest.get("trace_id").asText()).isEqualTo(ProfileEvents.trace("a1"));
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
        .contains(
            "\"hotCode\":[{\"name\":\"GET /api/cpu\",\"samples\":12,\"tree\":{\"name\":\"all\",\"value\":18,")
        .contains("\"slowestProfiles\":[{\"name\":\"GET /api/cpu\"");
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.get(field).asText()));
    return out;
  }
}
