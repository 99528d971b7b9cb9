package io.reqlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every configuration in collector-config/ passes every check, and the README describes it. */
class ShippedConfigsTest {

  static List<Path> configs() {
    return Checkers.shippedConfigs();
  }

  @Test
  void theFiveConfigurationsOfIssue12AreThere() {
    assertThat(configs())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(
            "jaeger.yaml",
            "vendor-otlp.yaml",
            "gateway-load-balancer.yaml",
            "gateway-tail-sampler.yaml",
            "span-files.yaml",
            "span-metrics.yaml");
  }

  @ParameterizedTest
  @MethodSource("configs")
  void passesEveryCheck(Path config) throws Exception {
    ConfigChecker.Report report = Checkers.checker().check(config, Checkers.read(Layout.readme()));

    assertThat(report.problems()).as(config.getFileName().toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("configs")
  void validatesEveryComponentAgainstASchema(Path config) throws Exception {
    JsonNode doc = Yaml.read(config);
    int components = 0;
    for (SchemaIndex.Kind kind : SchemaIndex.Kind.values()) {
      components += doc.path(kind.section).size();
    }

    ConfigChecker.Report report = Checkers.checker().check(config, Checkers.read(Layout.readme()));

    assertThat(report.schemaOfComponent()).hasSize(components);
  }

  @ParameterizedTest
  @MethodSource("configs")
  void hasAReadmeSection(Path config) {
    String name = config.getFileName().toString();

    assertThat(new ReadmeSections(Checkers.read(Layout.readme())).sectionFor(name))
        .as("a README heading naming `%s`", name)
        .isPresent();
  }

  @Test
  void readmeNamesTheCollectorVersionTheSchemasComeFrom() throws Exception {
    JsonNode index = Yaml.read(Layout.vendoredSchemas().resolve("index.yaml"));
    String releases =
        index.path("snapshots").path("opentelemetry-collector-releases").path("note").asString();
    String version = releases.substring(releases.lastIndexOf(' ') + 1);

    assertThat(version).isEqualTo("v0.159.0");
    assertThat(Checkers.read(Layout.readme())).contains("Collector " + version);
    for (Path config : configs()) {
      assertThat(Checkers.read(config)).contains("otelcol-contrib " + version);
    }
  }
}
