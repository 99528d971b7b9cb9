package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.report.ReqlensReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counts you can trust, end to end: known traffic through the example service under the real agent
 * in every sampling mode at once — the default ratio 0.1, a rule at 0.5, a {@code rate=10/s} rule,
 * keep-errors and keep-slower-than — then {@code reqlens report --json --confidence 99.9} on the
 * files the {@code req} exporter wrote. For every route the report's estimate must be the
 * Horvitz–Thompson sum of the kept requests' weights in the files, inside its interval; the true
 * count must lie inside the report's 99.9 % interval wherever the seed alone decides what was kept
 * (see below), the true error % inside the error % interval, and the error route (every request
 * kept with probability 1) must be exact.
 *
 * <p><b>Traffic</b> (per seed, about 1,050 requests, sent one after the other in an order shuffled
 * by the seed): {@code GET /api/users} ×400 (ratio 0.1: about 40 kept), {@code GET /api/users/{id}}
 * ×120 (rule 0.5: about 60), {@code GET /api/orders} ×240 (rate rule: its probability follows the
 * arrival rate), {@code GET /api/slow} ×246 of which 6 sleep 450 ms (slower than the 400 ms
 * threshold: kept with probability 1) and the rest answer at once (ratio 0.1), {@code GET
 * /api/error} ×30 (kept with probability 1), and the {@code /healthz} barrier marker (rule 1).
 * Sized so each sampled route keeps a few dozen requests: at those sizes the report's score
 * interval covers at its level ({@code CountEstimateTest} simulates it).
 *
 * <p><b>Why seeded trace ids, and why no check depends on chance.</b> A request with a sampled
 * {@code traceparent} would follow its parent instead of being sampled, so ids cannot come from the
 * client; instead a test-only agent extension ({@link SeededIds}) makes the service's trace ids a
 * seeded sequence. Requests are sent one at a time (after 100 warm-up requests to an excluded
 * route, so no cold-start request is slower than the threshold), so for a given seed every request
 * gets the same trace id on every run: the decisions of the ratio and of the 0.5 rule, and so the
 * {@code /api/users}, {@code /api/users/{id}} and {@code /api/slow} checks, are fixed by the seed
 * (seeds 1, 2 and 3 pass; a broken sampler or report fails them every time). What still varies
 * between runs is timing, and timing never decides a check: the rate rule's probability follows the
 * measured arrival rate, so whether the true {@code /api/orders} count lies inside its interval is
 * random (about 0.12 % of misses per seed, from 400,000 simulated samplings of its design) and is
 * printed, not asserted; and a request the machine makes slower than 400 ms becomes a certain keep
 * ({@code sample_rate} 1), which moves its route's estimate, so a route with more certain keeps
 * than its design has is only checked for the exact sum, its coverage printed. The coverage of the
 * true count by the interval of a route sampled at a varying probability is what {@code
 * CountEstimateTest} simulates. The error %s are 0 or 100 % by construction and cannot miss. Each
 * seed prints its figures.
 */
class EstimatesIT {

  /** One route's traffic: {@code count} requests, the {@code i}-th to {@code path.apply(i)}. */
  record Load(String route, int count, int status, IntFunction<String> path) {}

  static final List<Load> LOADS =
      List.of(
          new Load("/api/users", 400, 200, i -> "/api/users"),
          new Load("/api/users/{id}", 120, 200, i -> "/api/users/" + (i % 12 + 1)),
          new Load("/api/orders", 240, 200, i -> "/api/orders"),
          new Load("/api/slow", 246, 200, i -> "/api/slow?ms=" + (i < 6 ? 450 : 0)),
          new Load("/api/error", 30, 500, i -> "/api/error"));

  /**
   * Routes whose kept set the seed alone fixes (the ratio's and the 0.5 rule's decisions on seeded
   * ids), each with its requests kept with probability 1 by design (the sleeps over 400 ms).
   */
  static final Map<String, Integer> SEEDED =
      Map.of("/api/users", 0, "/api/users/{id}", 0, "/api/slow", 6);

  /** The route the {@code rate=} rule samples: its probability follows the arrival times. */
  static final String RATE_ROUTE = "/api/orders";

  static final String RULES =
      "url.path=/healthz => 1; url.path=/api/users/* => 0.5; url.path=/api/orders => rate=10/s";

  private static final int WARM_UP = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path seededIds;

  @BeforeAll
  static void buildTheIdExtension() {
    seededIds = SeededIds.jar(Paths.get(System.getProperty("reqlens.e2e.dir"), "seeded-ids.jar"));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void reportEstimatesCoverTheTrueCounts(long seed) throws Exception {
    Path dir =
        Paths.get(
            System.getProperty("reqlens.e2e.dir"), "estimates-" + seed + "-" + System.nanoTime());
    Map<String, Integer> sent = new LinkedHashMap<>();
    try (ExampleService service =
        ExampleService.agent("estimates-" + seed, env(seed, dir)).extension(seededIds)) {
      service.start();
      ServiceClient http = service.http();
      for (int i = 0; i < WARM_UP; i++) {
        // Excluded: no span, no event, but the first requests' class loading and compilation
        // happen here, not in requests that a cold start would make slower than the threshold.
        assertThat(http.get("/health").status()).isEqualTo(200);
      }
      for (String[] request : shuffledRequests(seed)) {
        ServiceClient.Response r = http.get(request[1]);
        assertThat(r.status()).as(request[1]).isEqualTo(Integer.parseInt(request[2]));
        sent.merge(request[0], 1, Integer::sum);
      }
      String marker = service.barrier("/healthz");
      sent.merge("/healthz", 1, Integer::sum);
      new DataFiles(dir)
          .awaitEvent(
              e ->
                  "REQ".equals(e.path("kind").asText())
                      && marker.equals(e.path("trace_id").asText()),
              Barrier.TIMEOUT);
    } // stopping the service flushes and closes its files

    List<JsonNode> reqs =
        new DataFiles(dir)
            .events().stream().filter(e -> "REQ".equals(e.path("kind").asText())).toList();
    JsonNode report = report(dir);
    assertThat(report.path("totals").path("confidence_pct").asDouble()).isEqualTo(99.9);
    assertThat(report.path("totals").path("errors").asInt()).as("errors kept").isEqualTo(30);
    for (Map.Entry<String, Integer> e : sent.entrySet()) {
      JsonNode row = route(report, e.getKey());
      int n = e.getValue();
      double errorPct = e.getKey().equals("/api/error") ? 100 : 0;
      List<JsonNode> kept =
          reqs.stream().filter(r -> e.getKey().equals(r.path("route").asText())).toList();
      double weights = kept.stream().mapToDouble(r -> weight(r.path("sample_rate"))).sum();
      long certain = kept.stream().filter(r -> weight(r.path("sample_rate")) == 1).count();
      double low = row.path("estimated_requests_low").asDouble();
      double high = row.path("estimated_requests_high").asDouble();
      double estimate = row.path("estimated_requests").asDouble();
      // Fixed by the seed, or kept with probability 1 throughout; not where timing decided.
      boolean coverageFixed =
          !e.getKey().equals(RATE_ROUTE) && certain == SEEDED.getOrDefault(e.getKey(), kept.size());
      System.out.printf(
          "seed %d %-16s sent %4d kept %4d estimated %7.1f [%7.1f, %7.1f] sample rates %s-%s%s%n",
          seed,
          e.getKey(),
          n,
          row.path("requests").asInt(),
          estimate,
          low,
          high,
          row.path("min_sample_rate").asText(),
          row.path("max_sample_rate").asText(),
          coverageFixed
              ? ""
              : (n >= low && n <= high ? "" : " (misses)") + " (timing: not asserted)");
      assertThat(row.path("requests").asInt()).as("kept of %s", e.getKey()).isEqualTo(kept.size());
      assertThat(kept.size()).as("kept of %s", e.getKey()).isBetween(1, n);
      assertThat(estimate)
          .as("the weights of %s in the files", e.getKey())
          .isCloseTo(weights, within(0.001));
      assertThat(estimate).isBetween(low, high);
      if (coverageFixed) {
        assertThat((double) n)
            .as("seed %d: %s sent %d, 99.9%% interval %s", seed, e.getKey(), n, row)
            .isBetween(low, high);
      }
      assertThat(errorPct)
          .as("seed %d: error %% of %s", seed, e.getKey())
          .isBetween(row.path("error_pct_low").asDouble(), row.path("error_pct_high").asDouble());
    }
    JsonNode errors = route(report, "/api/error");
    assertThat(errors.path("requests").asInt()).as("every failing request kept").isEqualTo(30);
    assertThat(errors.path("estimated_requests").asDouble()).isEqualTo(30);
    assertThat(errors.path("estimated_requests_low").asDouble()).isEqualTo(30);
    assertThat(errors.path("estimated_requests_high").asDouble()).isEqualTo(30);
    assertThat(errors.path("error_pct").asDouble()).isEqualTo(100);
    assertThat(errors.path("min_sample_rate").asDouble()).as("th:0 on every error").isEqualTo(1);
  }

  /** How many requests a kept one stands for: {@code 1 / sample_rate}, as the report counts. */
  private static double weight(JsonNode sampleRate) {
    return Math.max(1, 1 / sampleRate.asDouble());
  }

  private static Map<String, String> env(long seed, Path dir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_TRACES_SAMPLER", "reqlens");
    env.put("OTEL_TRACES_SAMPLER_ARG", "0.1");
    env.put("OTEL_REQLENS_SAMPLER_RULES", RULES);
    env.put("OTEL_REQLENS_KEEP_ERRORS", "true");
    env.put("OTEL_REQLENS_KEEP_SLOWER_THAN", "400ms");
    env.put("OTEL_REQLENS_EXCLUDE_ROUTES", "/health");
    env.put("OTEL_TRACES_EXPORTER", "otlp,req");
    env.put("OTEL_EXPORTER_REQ_DIRECTORY", dir.toString());
    env.put(SeededIds.SEED_ENV, String.valueOf(seed));
    return env;
  }

  /** Every request as {route, path, expected status}, in an order shuffled by {@code seed}. */
  private static List<String[]> shuffledRequests(long seed) {
    List<String[]> requests = new ArrayList<>();
    for (Load load : LOADS) {
      for (int i = 0; i < load.count(); i++) {
        requests.add(
            new String[] {load.route(), load.path().apply(i), String.valueOf(load.status())});
      }
    }
    Collections.shuffle(requests, new Random(seed));
    return requests;
  }

  private static JsonNode report(Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ReqlensReport.report(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            "--json",
            "--confidence",
            "99.9",
            "--no-progress",
            dir.toString());
    assertThat(exit).as("report exit code; stderr: %s", err).isZero();
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode route(JsonNode report, String route) {
    for (JsonNode row : report.path("routes")) {
      if (route.equals(row.path("route").asText()) && "GET".equals(row.path("method").asText())) {
        return row;
      }
    }
    throw new AssertionError("no route GET " + route + " in the report: " + report.path("routes"));
  }
}
