package io.reqlens.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Inspects the shaded extension jar and runs it on a plain SDK-autoconfigure classpath. */
class ExtensionJarIT {

  private static final Path JAR = Paths.get(System.getProperty("reqlens.extension.jar"));

  @Test
  void bundlesNoOpenTelemetryClassesAndShadesEverythingElse() throws IOException {
    List<String> classes = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (JarEntry e : jar.stream().collect(Collectors.toList())) {
        if (e.getName().endsWith(".class")) {
          classes.add(e.getName());
        }
      }
    }
    assertThat(classes).isNotEmpty();
    assertThat(classes).noneMatch(c -> c.startsWith("io/opentelemetry/"));
    assertThat(classes)
        .as("third-party classes must be relocated under io/reqlens/shaded/")
        .allMatch(c -> c.startsWith("io/reqlens/"));
  }

  @Test
  void registersTheSamplerProvider() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      JarEntry spi =
          jar.getJarEntry(
              "META-INF/services/"
                  + "io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider");
      assertThat(spi).isNotNull();
      String text =
          new String(jar.getInputStream(spi).readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(text).contains("io.reqlens.sampler.internal.ReqlensSamplerProvider");
    }
  }

  @Test
  void registersTheExportersAndTheirCustomizer() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String spi = "io.opentelemetry.sdk.autoconfigure.spi.";
      assertThat(service(jar, spi + "traces.ConfigurableSpanExporterProvider"))
          .contains("io.reqlens.exporters.internal.JsonlSpanExporterProvider")
          .contains("io.reqlens.exporters.internal.ReqEventExporterProvider");
      assertThat(service(jar, spi + "AutoConfigurationCustomizerProvider"))
          .contains("io.reqlens.exporters.internal.ReqlensExportersCustomizer");
    }
  }

  private static String service(JarFile jar, String spi) throws IOException {
    JarEntry entry = jar.getJarEntry("META-INF/services/" + spi);
    assertThat(entry).as(spi).isNotNull();
    return new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
  }

  /**
   * The same jar on the classpath of an app that uses SDK autoconfigure (no agent): {@code
   * OTEL_TRACES_SAMPLER=reqlens} resolves to the Reqlens sampler.
   */
  @Test
  void worksOnAnSdkAutoconfigureClasspath() throws Exception {
    String classpath =
        String.join(
            File.pathSeparator,
            JAR.toString(),
            System.getProperty("reqlens.test.classes"),
            System.getProperty("reqlens.sdk.classpath"));
    ProcessBuilder pb =
        new ProcessBuilder(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            classpath,
            SdkAutoconfigureApp.class.getName());
    pb.environment().put("OTEL_TRACES_SAMPLER", "reqlens");
    pb.environment().put("OTEL_TRACES_SAMPLER_ARG", "0.25");
    pb.environment().put("OTEL_REQLENS_EXCLUDE_ROUTES", "/health");
    pb.environment().put("OTEL_TRACES_EXPORTER", "jsonl,req");
    Path data = Files.createTempDirectory("reqlens-it");
    pb.environment().put("OTEL_EXPORTER_JSONL_DIRECTORY", data.toString());
    pb.environment().put("OTEL_EXPORTER_REQ_DIRECTORY", data.toString());
    pb.environment().put("OTEL_METRICS_EXPORTER", "none");
    pb.environment().put("OTEL_LOGS_EXPORTER", "none");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("sampler=ReqlensSampler{ratio=0.25")
        .contains("excludeRoutes=[/health]");
    assertThat(out)
        .contains("JsonlSpanExporter{format=otlp")
        .contains("ReqEventExporter{directory=" + data);
    assertThat(Files.exists(JAR)).isTrue();
  }
}
