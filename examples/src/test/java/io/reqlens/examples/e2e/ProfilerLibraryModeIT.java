package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The profiler without the agent (library mode: SDK autoconfigure, the servlet filter and the JDBC
 * wrapper), configured by its keys: {@code OTEL_REQLENS_PROFILER_AFTER=2s}, so a request of 200 ms
 * is never sampled and one computing for 2.6 s is; work handed to a pool without a span (the pool
 * wrapped with {@code Context.taskWrapping}), attributed while the request's context is current on
 * the worker; and the N+1 caller, which the JDBC wrapper's spans report from the same method of the
 * example (on the line that closes the result set, where the wrapper ends the span after counting
 * the rows).
 */
class ProfilerLibraryModeIT {

  private static final Path DIR = ExampleService.dataFolder("profiler-library");

  @RegisterExtension
  static final ExampleService SERVICE =
      ExampleService.library(
          "profiler-library",
          Map.of(
              "OTEL_TRACES_SAMPLER", "reqlens",
              "OTEL_REQLENS_PROFILER_AFTER", "2s",
              "OTEL_TRACES_EXPORTER", "otlp,req",
              "OTEL_EXPORTER_REQ_DIRECTORY", DIR.toString()));

  private final DataFiles files = new DataFiles(DIR);

  @Test
  void aRequestFasterThanAfterHasNoSamplesAndASlowerOneHas() throws Exception {
    ServiceClient.Response fast = SERVICE.http().get("/api/slow?ms=200"); // 1.8 s under after
    ServiceClient.Response slow = SERVICE.http().get("/api/cpu?ms=2600"); // 600 ms past it
    assertThat(fast.status()).isEqualTo(200);
    assertThat(slow.status()).isEqualTo(200);

    JsonNode prof =
        files.awaitEvent(
            e ->
                e.path("kind").asText().equals("PROF")
                    && e.path("trace_id").asText().equals(slow.traceId()),
            Barrier.TIMEOUT);
    assertThat(Profiles.topSelfFrame(prof))
        .as("%s", prof)
        .isEqualTo("io.reqlens.examples.Workloads.computeChecksum");
    assertThat(SERVICE.awaitServerSpan(slow.traceId()).attribute("reqlens.profile.samples"))
        .isEqualTo(prof.path("samples").asText());

    SERVICE.eventsBarrier(files);
    assertThat(files.events(fast.traceId()))
        .extracting(e -> e.path("kind").asText())
        .containsExactlyInAnyOrder("REQ", "DB");
    ReceivedSpan fastRoot = SERVICE.awaitServerSpan(fast.traceId());
    assertThat(fastRoot.attribute("reqlens.profile.samples")).isNull();
    assertThat(fastRoot.stringArray("reqlens.profile.top")).isNull();
  }

  @Test
  void workHandedToAPoolWithoutASpanCountsForTheRequest() throws Exception {
    assertThat(SERVICE.output()).containsOnlyOnce(Profiles.CONTEXT_HOOK_LINE);
    ServiceClient.Response r = SERVICE.http().get("/api/handoff?ms=3500"); // 1.5 s past after
    assertThat(r.status()).isEqualTo(200);

    JsonNode prof =
        files.awaitEvent(
            e ->
                e.path("kind").asText().equals("PROF")
                    && e.path("trace_id").asText().equals(r.traceId()),
            Barrier.TIMEOUT);
    Profiles.assertHandedOff(prof);
    SERVICE.awaitServerSpan(r.traceId());
    assertThat(SERVICE.spansOf(r.traceId())).as("the task starts no span").hasSize(1);
    await()
        .atMost(Barrier.TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Profiles.liveInstances(SERVICE.pid(), "io.reqlens.profiler.StackTable") == 0);
  }

  @Test
  void theNPlusOneOfOrdersNamesTheExamplesOwnMethod() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/orders");
    assertThat(r.status()).isEqualTo(200);

    String caller = SERVICE.awaitServerSpan(r.traceId()).attribute("reqlens.n_plus_one.caller");
    Matcher m =
        Pattern.compile("io\\.reqlens\\.examples\\.Database\\.findUser\\(Database\\.java:(\\d+)\\)")
            .matcher(caller == null ? "" : caller);
    assertThat(m.matches()).as("caller %s", caller).isTrue();
    int[] method = Profiles.findUserLines();
    assertThat(Integer.parseInt(m.group(1))).isBetween(method[0], method[1]);

    SERVICE.eventsBarrier(files);
    List<JsonNode> repeated =
        files.events(r.traceId()).stream()
            .filter(e -> e.path("kind").asText().equals("DB"))
            .filter(e -> e.path("query").asText().equals("SELECT id, name FROM users WHERE id = ?"))
            .collect(Collectors.toList());
    assertThat(repeated)
        .hasSize(12)
        .allSatisfy(e -> assertThat(e.path("caller").asText()).isEqualTo(caller));
  }
}
