package io.reqlens.sampler.localtrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where the wrapper is installed, through real SDK autoconfigure and the Reqlens customizer
 * provider (its SPI), each case in a fresh JVM because the context storage is built once per JVM:
 * installed from the properties customizer when nothing used {@code Context} before; the span hook
 * alone, said once in the log, when something did; nothing at all with the profiler off.
 */
class ContextHandoffInstallTest {

  private static final String WRAPPER_LINE =
      "Reqlens profiler: work handed to another thread counts for the request while the"
          + " request's context is current there (context storage wrapper)";
  private static final String FALLBACK_LINE =
      "Reqlens profiler: the context storage was in use before Reqlens could wrap it";

  @Test
  void autoconfigureInstallsTheWrapperBeforeTheStorageIsBuilt() throws Exception {
    String out = probe("on", "autoconfigure");
    assertThat(out)
        .contains("installed=true")
        .contains("storage=HandoffStorage{")
        .containsOnlyOnce(WRAPPER_LINE)
        .doesNotContain(FALLBACK_LINE);
  }

  @Test
  void aStorageBuiltBeforeLeavesTheSpanHookAndSaysSo() throws Exception {
    String out = probe("on", "context-first");
    assertThat(out)
        .contains("installed=false")
        .doesNotContain("HandoffStorage")
        .containsOnlyOnce(FALLBACK_LINE)
        .doesNotContain(WRAPPER_LINE);
  }

  @Test
  void withTheProfilerOffNothingIsInstalledOrLogged() throws Exception {
    String out = probe("off", "autoconfigure");
    assertThat(out)
        .contains("installed=false")
        .doesNotContain("HandoffStorage")
        .doesNotContain("Reqlens profiler:");
  }

  private static String probe(String profiler, String scenario)
      throws IOException, InterruptedException {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null) {
      classPath = System.getProperty("java.class.path");
    }
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classPath);
    command.add("-Dotel.traces.exporter=console");
    command.add("-Dotel.metrics.exporter=none");
    command.add("-Dotel.logs.exporter=none");
    command.add("-Dotel.reqlens.profiler=" + profiler);
    command.add(ContextHandoffProbe.class.getName());
    command.add(scenario);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
