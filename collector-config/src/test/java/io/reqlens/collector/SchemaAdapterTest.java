package io.reqlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.collector.SchemaAdapter.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code $ref} forms of the collector-schemas README ("How $ref strings map to files"), and the
 * Collector's reading of a config that the adapted schemas reproduce.
 */
class SchemaAdapterTest {

  private static final ComponentSchemas SCHEMAS = new ComponentSchemas(Checkers.adapter());
  private static final String QUEUE =
      "common/exporter-exporterhelper-internal-queuebatch.schema.yaml";

  @ParameterizedTest(name = "{1} in {0}")
  @CsvSource({
    // bare name: a definition of the same file
    "receivers/otlp.schema.yaml, protocols, receivers/otlp.schema.yaml, protocols",
    // /path.def: from the referring file's repository root (core)
    "receivers/otlp.schema.yaml, /config/configgrpc.server_config,"
        + " common/config-configgrpc.schema.yaml, server_config",
    // ./sub.def: below the referring file's own package
    "common/exporter-exporterhelper.schema.yaml, ./internal/queuebatch.config, "
        + QUEUE
        + ", config",
    // fully qualified core
    "exporters/load_balancing.schema.yaml,"
        + " go.opentelemetry.io/collector/exporter/exporterhelper.queue_batch_config,"
        + " common/exporter-exporterhelper.schema.yaml, queue_batch_config",
    // /path.def from a contrib file: the contrib module
    "receivers/otlp_json_file.schema.yaml, /pkg/stanza/fileconsumer.config,"
        + " common/pkg-stanza-fileconsumer.schema.yaml, config",
    // fully qualified contrib
    "processors/tail_sampling.schema.yaml,"
        + " github.com/open-telemetry/opentelemetry-collector-contrib/pkg/ottl.error_mode,"
        + " common/pkg-ottl.schema.yaml, error_mode",
  })
  void resolvesEachReferenceForm(String file, String ref, String targetFile, String def) {
    assertThat(Checkers.adapter().resolve(file, ref)).contains(new Target(targetFile, def));
  }

  @Test
  void componentConfigIsTheRootOfItsFile() {
    assertThat(
            Checkers.adapter()
                .resolve(
                    "exporters/load_balancing.schema.yaml",
                    "go.opentelemetry.io/collector/exporter/otlpexporter.config"))
        .contains(new Target("exporters/otlp_grpc.schema.yaml", null));
  }

  @Test
  void referencesOutsideTheFolderResolveToNothing() {
    assertThat(
            Checkers.adapter()
                .resolve("common/exporter-exporterhelper.schema.yaml", "./internal.option"))
        .isEmpty();
  }

  @Test
  void adaptedSchemasHoldOnlyResolvableReferences() {
    String json =
        new String(Checkers.adapter().adaptedJson("exporters/load_balancing.schema.yaml"));

    assertThat(json).contains("\"$ref\":\"" + SchemaAdapter.BASE);
    assertThat(json.split("\"\\$ref\":\""))
        .allSatisfy(
            part ->
                assertThat(part.startsWith("{") || part.startsWith(SchemaAdapter.BASE)).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a placeholder stands in for numbers, booleans and durations
        "processors/batch.schema.yaml | {send_batch_size: '${env:N}', timeout: '${env:T:-2s}'} |"
            + " true",
        "processors/batch.schema.yaml | {timeout: 1m30s, send_batch_size: 8} | true",
        "processors/batch.schema.yaml | {timeout: 1 minute} | false",
        "processors/batch.schema.yaml | {send_batch_size: '8'} | false",
        // x-optional: present but empty means 'on with defaults'; enabled is an extra key
        "receivers/otlp.schema.yaml | {protocols: {grpc: null, http: {enabled: false}}} | true",
        // headers: a plain map or a list of name/value pairs
        "exporters/otlp_http.schema.yaml | {endpoint: x, headers: {api-key: s}} | true",
        "exporters/otlp_http.schema.yaml | {endpoint: x, headers: [{name: api-key, value: s}]} |"
            + " true",
        // corrected upstream types
        "connectors/span_metrics.schema.yaml | {histogram: {unit: ms}} | true",
        "connectors/span_metrics.schema.yaml | {histogram: {unit: 1}} | false",
        // a string where a list of strings is expected (split at commas by the Collector)
        "receivers/otlp_json_file.schema.yaml | {include: 'a.jsonl,b.jsonl'} | true",
        // keys from squashed structs (allOf) count; unknown keys do not
        "receivers/otlp_json_file.schema.yaml | {include: [a], start_at: beginning, exclude: [b]} |"
            + " true",
        "receivers/otlp_json_file.schema.yaml | {include: [a], start_at: beginning, tail: true} |"
            + " false",
      })
  void readsConfigsTheWayTheCollectorDoes(String schema, String yaml, boolean valid) {
    assertThat(SCHEMAS.validate(schema, Yaml.parse(yaml)))
        .as(yaml)
        .matches(errors -> errors.isEmpty() == valid);
  }
}
