package io.reqlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.collector.Problem.Kind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check can fail: one small broken config per check (src/test/resources/fixtures), with the
 * problems it must produce and no others. {@code valid.yaml} is the control.
 */
class CheckerFailsTest {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of(
            "unknown-field.yaml",
            Set.of(Kind.SCHEMA),
            List.of(
                "receivers.otlp_json_file: /: unknown key 'start_from'",
                "exporters.otlp_grpc: /retry_on_failure: unknown key 'enabeld'")),
        Arguments.of(
            "undefined-reference.yaml",
            Set.of(Kind.UNDEFINED_REFERENCE, Kind.UNUSED),
            List.of(
                "service.pipelines.traces.exporters: 'otlp_grpc/tempo' is not defined",
                "service.pipelines.traces.processors: 'batch' is not defined",
                "receivers.otlp_json_file.storage: 'file_storage' is not an extension",
                "exporters.otlp_grpc/jaeger: no pipeline uses it")),
        Arguments.of(
            "undocumented-env.yaml",
            Set.of(Kind.UNDOCUMENTED_ENV),
            List.of("exporters.otlp_http.headers.authorization: ${env:FIXTURE_SECRET_TOKEN}")),
        Arguments.of(
            "bare-placeholder.yaml",
            Set.of(Kind.PLACEHOLDER),
            List.of("exporters.otlp_grpc.endpoint: ${FIXTURE_ENDPOINT}: write ${env:")),
        Arguments.of(
            "unknown-type.yaml",
            Set.of(Kind.UNKNOWN_TYPE),
            List.of(
                "processors.spanmetrics: no processor type 'spanmetrics'",
                "exporters.jaeger: no exporter type 'jaeger'")),
        Arguments.of(
            "deprecated-alias.yaml",
            Set.of(Kind.DEPRECATED_ALIAS),
            List.of(
                "'otlpjsonfile' is a deprecated alias; use 'otlp_json_file'",
                "exporters.otlp: 'otlp' is a deprecated alias; use 'otlp_grpc'",
                "'loadbalancing' is a deprecated alias; use 'load_balancing'")),
        Arguments.of(
            "wrong-types.yaml",
            Set.of(Kind.SCHEMA),
            List.of(
                "processors.batch: /timeout: integer found, string expected",
                "processors.batch: /send_batch_size: is a string where a number or boolean",
                "exporters.otlp_grpc: /tls/insecure: is a string where a number or boolean")),
        Arguments.of(
            "missing-required.yaml",
            Set.of(Kind.REQUIRED),
            List.of(
                "processors.memory_limiter: missing limit_mib or limit_percentage",
                "processors.tail_sampling.policies[0]: missing latency")),
        Arguments.of(
            "wrong-signal.yaml",
            Set.of(Kind.SIGNAL),
            List.of(
                "service.pipelines.metrics.exporters: connector 'span_metrics' turns traces into"
                    + " metrics",
                "service.pipelines.traces.receivers: connector 'span_metrics'")),
        Arguments.of(
            "duplicate-key.yaml",
            Set.of(Kind.YAML),
            List.of("Duplicate Object property \"endpoint\"")),
        Arguments.of(
            "unvendored-schema.yaml",
            Set.of(Kind.NO_SCHEMA),
            List.of("exporters/debug.schema.yaml is not in the vendored schemas")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheseProblems(String fixture, Set<Kind> kinds, List<String> expected)
      throws Exception {
    List<Problem> problems = check(fixture);

    Set<Kind> found = new TreeSet<>();
    problems.forEach(p -> found.add(p.kind()));
    assertThat(found).as("%s: %s", fixture, problems).isEqualTo(kinds);
    for (String fragment : expected) {
      assertThat(problems)
          .as("%s", fixture)
          .anySatisfy(p -> assertThat(p.where() + ": " + p.message()).contains(fragment));
    }
  }

  @Test
  void theControlPasses() throws Exception {
    assertThat(check("valid.yaml")).isEmpty();
  }

  @Test
  void everyKindOfProblemHasAFixture() {
    Set<Kind> covered = new TreeSet<>();
    fixtures().forEach(a -> covered.addAll(kindsOf(a)));
    covered.add(Kind.STRUCTURE); // structureProblems() below

    assertThat(covered).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void structureProblems() throws Exception {
    String yaml =
        """
        receivers:
          otlp:
        exporters:
          otlp_grpc/: {endpoint: x}
        extras: {}
        service:
          pipeline: {}
          pipelines:
            spans:
              receivers: [otlp]
              exporters: [otlp_grpc]
        """;
    java.nio.file.Path file = java.nio.file.Files.createTempFile("structure", ".yaml");
    try {
      java.nio.file.Files.writeString(file, yaml);
      List<Problem> problems = Checkers.checker().check(file, "").problems();

      assertThat(problems)
          .extracting(p -> p.kind() + " " + p.where())
          .contains(
              "STRUCTURE extras",
              "STRUCTURE exporters.otlp_grpc/",
              "STRUCTURE service.pipeline",
              "STRUCTURE service.pipelines.spans");
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<Kind> kindsOf(Arguments a) {
    return (Set<Kind>) a.get()[1];
  }

  private static List<Problem> check(String fixture) throws Exception {
    return Checkers.checker()
        .check(
            Layout.fixtures().resolve(fixture),
            Checkers.read(Layout.fixtures().resolve("README.md")))
        .problems();
  }
}
