package io.reqlens.instrumentation.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Adding reqlens-instrumentation to an SDK-autoconfigure app changes nothing but the spans it
 * makes: with another sampler ({@code OTEL_TRACES_SAMPLER=jaeger_remote}, whose argument is no
 * ratio) the app starts and exports its spans unchanged, no {@code reqlens.*} attribute on them. In
 * a child JVM whose class path is this module's runtime class path plus the app's SDK (this
 * module's own test class path has reqlens-sampler, for the test kit). The jaeger_remote sampler is
 * 1.65.0 on SDK 1.67.0 (1.67.0 is not on this build's Maven mirror); it polls a port nobody listens
 * on and keeps its initial rate, 1.
 *
 * <p>And when the app adds reqlens-sampler on purpose, the processor joins in beside the foreign
 * sampler without stopping start-up over that sampler's argument.
 */
class NoSideEffectsIT {

  private static final Map<String, String> ENV =
      Map.of(
          "OTEL_SERVICE_NAME", "no-side-effects",
          "OTEL_TRACES_SAMPLER", "jaeger_remote",
          "OTEL_TRACES_SAMPLER_ARG",
              "endpoint=http://localhost:14250,pollingIntervalMs=5000,initialSamplingRate=1",
          "OTEL_TRACES_EXPORTER", "console",
          "OTEL_METRICS_EXPORTER", "none",
          "OTEL_LOGS_EXPORTER", "none");

  @Test
  void onlyTheInstrumentationAndTheSdkStartAndExportUnchangedSpans() throws Exception {
    String classpath = property("reqlens.instrumentation.classpath");
    assertThat(classpath).doesNotContain("reqlens-sampler").doesNotContain("sampler/target");
    String out = run(classpath);

    assertThat(out)
        .contains("sampler=JaegerRemoteSampler{")
        .contains("reqlens-sampler on the class path: false")
        .contains("status=200")
        .doesNotContain("LocalTraceProcessor");
    String span = spanLine(out);
    assertThat(span)
        .contains("SERVER [tracer: io.reqlens.instrumentation.httpserver:")
        .containsPattern("url\\.path=\"?/hello\\b")
        .containsPattern("url\\.query=\"?page=2\\b")
        .containsPattern("http\\.response\\.status_code=200\\b")
        .as("no reqlens.* attribute")
        .doesNotContainPattern("[{ ]reqlens\\.[a-z_.]+=");
  }

  @Test
  void withReqlensSamplerAddedOnPurposeTheProcessorStartsBesideTheForeignSampler()
      throws Exception {
    String out =
        run(
            property("reqlens.instrumentation.classpath")
                + File.pathSeparator
                + property("reqlens.sampler.classpath"));

    assertThat(out)
        .contains("sampler=JaegerRemoteSampler{")
        .contains("reqlens-sampler on the class path: true")
        .contains("LocalTraceProcessor")
        .contains("status=200");
    assertThat(spanLine(out)).containsPattern("reqlens\\.kept_by=\"?sampler\\b");
  }

  /** Runs {@link SdkApp} on the instrumentation jar, {@code classpath} and the app's SDK. */
  private static String run(String classpath) throws Exception {
    String full =
        String.join(
            File.pathSeparator,
            property("reqlens.instrumentation.jar"),
            classpath,
            property("reqlens.test.classes"),
            property("reqlens.sdk.classpath"));
    ProcessBuilder pb =
        new ProcessBuilder(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            full,
            SdkApp.class.getName());
    pb.environment().keySet().removeIf(key -> key.startsWith("OTEL_"));
    pb.environment().putAll(ENV);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as(out).doesNotContain("ConfigurationException", "NoSuchMethodError");
    return out;
  }

  /** The console exporter's line for the one server span. */
  private static String spanLine(String out) {
    return out.lines()
        .filter(l -> l.contains("'GET /hello'") && l.contains("SERVER"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no server span in:\n" + out));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (run through failsafe)", name).isNotBlank();
    return value;
  }
}
