package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.reqlens.core.config.testing.YamlConfig;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With a configuration file, every unknown property and every bad value stops start-up with a
 * message naming the YAML path, the value and what is accepted; the same grammar as the environment
 * keys ({@link ConfigurationErrorsTest}).
 */
class DeclarativeConfigErrorsTest {

  static Stream<Arguments> badFiles() {
    return Stream.of(
        // the sampler block: YAML (after "reqlens: "), expected message parts
        sampler(
            "{ keep_slower_than: fast }",
            "Invalid value for tracer_provider.sampler.reqlens.keep_slower_than: 'fast': not a"
                + " duration",
            "accepted: a number with a unit"),
        sampler(
            "{ keep_slower_than: 0s }", "reqlens.keep_slower_than: '0s': not positive", "250ms"),
        sampler(
            "{ ratio: 1.5 }",
            "tracer_provider.sampler.reqlens.ratio: '1.5': outside [0,1]",
            "a ratio in [0,1]"),
        sampler("{ ratio: lots }", "reqlens.ratio: 'lots': not a number", "a ratio in [0,1]"),
        sampler("{ ratio: [0.1] }", "reqlens.ratio: '[0.1]': a list", "a ratio in [0,1]"),
        sampler(
            "{ keep_errors: maybe }", "reqlens.keep_errors: 'maybe'", "accepted: true or false"),
        sampler(
            "{ rules: [\"url.path=/x => maybe\"] }",
            "reqlens.rules: 'url.path=/x => maybe': rule 1",
            "accepted actions"),
        sampler(
            "{ rules: [\"* => 1\", \"span.kind=SERVERS => 1\"] }",
            "rule 2 'span.kind=SERVERS => 1': unknown span kind 'SERVERS'",
            "CONSUMER"),
        sampler(
            "{ rules: [\"* => 1\", { a: b }] }",
            "reqlens.rules: '[* => 1, {a=b}]': item 2 is not a single value",
            "accepted: a list of rules"),
        sampler(
            "{ exclude_routes: [/health, \"\"] }",
            "reqlens.exclude_routes: '/health,': ",
            "entry 2 is empty"),
        sampler(
            "{ exclude_routes: [\"~(\"] }",
            "reqlens.exclude_routes: '~(': ",
            "invalid regular expression"),
        sampler(
            "{ n_plus_one_threshold: 0 }",
            "reqlens.n_plus_one_threshold: '0'",
            "a whole number from 2 to 10000"),
        sampler(
            "{ max_buffered_traces: 1.5 }",
            "reqlens.max_buffered_traces: '1.5'",
            "a whole number from 1"),
        sampler(
            "{ max_buffered_spans: { a: 1 } }",
            "reqlens.max_buffered_spans: '{a=1}': a mapping",
            "a whole number"),
        sampler(
            "{ keep_slower: 500ms }",
            "Unknown property tracer_provider.sampler.reqlens.keep_slower (value '500ms')",
            "accepted properties: exclude_routes, keep_errors, keep_slower_than"),
        sampler("[ratio]", "tracer_provider.sampler.reqlens: '[ratio]'", "a mapping of properties"),
        // a reqlens processor listed by the user
        processor(
            "{ keep_slower_than: 5 parsecs }",
            "tracer_provider.processors[0].reqlens.keep_slower_than: '5 parsecs': unknown unit"
                + " 'parsecs'",
            "1m30s"),
        processor(
            "{ ratio: 0.5 }",
            "Unknown property tracer_provider.processors[0].reqlens.ratio (value '0.5')",
            "accepted properties: exclude_routes, keep_errors, keep_slower_than,"
                + " max_buffered_spans, max_buffered_traces, n_plus_one_threshold, processors,"
                + " profiler, profiler_after, profiler_interval, redact_query_params"),
        processor(
            "{ redact_query_params: [password, \"\"] }",
            "reqlens.redact_query_params: 'password,'",
            "entry 2 is empty"),
        // structure
        file(
            "tracer_provider:\n  processors: [ { reqlens: {} }, { reqlens: {} } ]",
            "the reqlens processor is listed twice ([0] and [1])",
            "accepted: once"),
        file(
            "tracer_provider:\n  sampler: { reqlens: { keep_errors: true } }\n"
                + "  processors: [ { reqlens: { keep_errors: false } } ]",
            "tracer_provider.processors[0].reqlens.keep_errors: 'false' differs from"
                + " tracer_provider.sampler.reqlens.keep_errors ('true')",
            "the key once, or the same value in both places"));
  }

  private static Arguments sampler(String block, String message, String accepted) {
    return file("tracer_provider:\n  sampler:\n    reqlens: " + block, message, accepted);
  }

  private static Arguments processor(String block, String message, String accepted) {
    return file("tracer_provider:\n  processors:\n    - reqlens: " + block, message, accepted);
  }

  private static Arguments file(String yaml, String message, String accepted) {
    return Arguments.of(yaml, message, accepted);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void stopsNamingThePathTheValueAndWhatIsAccepted(String yaml, String message, String accepted) {
    assertThatThrownBy(() -> LocalTraceModelCustomizer.customizeModel(Models.parse(yaml)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message)
        .hasMessageContaining(accepted);
  }

  @Test
  void atLeastFifteenBadFilesAreCovered() {
    assertThat(badFiles().count()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void theComponentsThemselvesAreStrictToo() {
    // Where the model check did not run (a sampler nested in another one): relative paths.
    assertThatThrownBy(
            () ->
                new ReqlensSamplerComponentProvider()
                    .create(YamlConfig.properties("keep_slower_than: fast")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid value for sampler.reqlens.keep_slower_than: 'fast': not a duration");
    assertThatThrownBy(
            () -> new ReqlensSamplerComponentProvider().create(YamlConfig.properties("rate: 1")))
        .hasMessageStartingWith("Unknown property sampler.reqlens.rate (value '1')");
    assertThatThrownBy(
            () ->
                new LocalTraceComponentProvider()
                    .create(YamlConfig.properties("max_buffered_spans: -1")))
        .hasMessageStartingWith("Invalid value for processors[].reqlens.max_buffered_spans: '-1'");
  }
}
