package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.reqlens.core.config.Setting;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad value stops start-up with a {@link ConfigurationException} that names the key (as
 * environment variable and property), repeats the bad value, and says what is accepted.
 */
class ConfigurationErrorsTest {

  static Stream<Arguments> badInputs() {
    return Stream.of(
        // key, value, what the message must also say
        bad(
            ReqlensSettings.RULES,
            "url.path=/x => maybe",
            "unknown action 'maybe'",
            "accepted actions"),
        bad(ReqlensSettings.RULES, "* => 1.5", "above 1", "[0,1]"),
        bad(ReqlensSettings.RULES, "* => -0.1", "below 0", "[0,1]"),
        bad(ReqlensSettings.RULES, "* => NaN", "unknown action 'NaN'", "accepted actions"),
        bad(ReqlensSettings.RULES, "* => Infinity", "unknown action", "accepted actions"),
        bad(ReqlensSettings.RULES, "url.path=/x", "missing '=>'", "MATCHERS => ACTION"),
        bad(
            ReqlensSettings.RULES,
            "url.path=/x => 1 => 0",
            "more than one '=>'",
            "separate rules with ';'"),
        bad(ReqlensSettings.RULES, "=> 1", "no matcher", "use *"),
        bad(ReqlensSettings.RULES, "url.path=/x =>", "no action", "accepted actions"),
        bad(ReqlensSettings.RULES, "url.path=/a & => 1", "empty matcher", "key=pattern"),
        bad(ReqlensSettings.RULES, "url.path= => 1", "empty pattern", "~REGEX"),
        bad(ReqlensSettings.RULES, "=/x => 1", "has no key", "span.kind or span.name"),
        bad(ReqlensSettings.RULES, "url path=/x => 1", "not an attribute name", "letters, digits"),
        bad(ReqlensSettings.RULES, "url.path/x => 1", "has no '=' or '!='", "key=pattern"),
        bad(ReqlensSettings.RULES, "* & url.path=/a => 1", "cannot be combined", "'*'"),
        bad(ReqlensSettings.RULES, "url.path=~[a-z => 1", "invalid regular expression", "[a-z"),
        bad(ReqlensSettings.RULES, "* => rate=0/s", "not positive", "rate=N/s"),
        bad(ReqlensSettings.RULES, "* => rate=ten/s", "not a number", "rate=N/s"),
        bad(ReqlensSettings.RULES, "* => rate=5", "no '/s' unit", "rate=N/s"),
        bad(
            ReqlensSettings.RULES,
            "span.kind=SERVERS => 1",
            "unknown span kind 'SERVERS'",
            "CONSUMER"),
        bad(
            ReqlensSettings.RULES,
            "url.path=/a => 1; url.path=/b => often",
            "rule 2",
            "accepted actions"),
        bad(
            ReqlensSettings.EXCLUDE_ROUTES,
            "/health,,/metrics",
            "entry 2 is empty",
            "single commas"),
        bad(ReqlensSettings.EXCLUDE_ROUTES, "/health,~(", "invalid regular expression", "entry 2"),
        bad(ReqlensSettings.RATIO, "1.5", "outside [0,1]", "a ratio in [0,1]"),
        bad(ReqlensSettings.RATIO, "ten percent", "not a number", "a ratio in [0,1]"),
        bad(ReqlensSettings.KEEP_ERRORS, "yes", "true or false", "accepted"),
        bad(ReqlensSettings.KEEP_SLOWER_THAN, "fast", "not a duration", "250ms"),
        bad(ReqlensSettings.KEEP_SLOWER_THAN, "5 parsecs", "unknown unit 'parsecs'", "1m30s"),
        bad(ReqlensSettings.KEEP_SLOWER_THAN, "0s", "not positive", "250ms"),
        // issue 15, finding 5: empty rules and bounds in the messages
        bad(ReqlensSettings.RULES, "url.path=/a => 1;; * => 0.1", "rule 2 is empty", "';'"),
        bad(ReqlensSettings.RULES, "; * => 0.1", "rule 1 is empty", "';'"),
        bad(
            ReqlensSettings.MAX_BUFFERED_TRACES,
            "99999999999",
            "from 1 to 1000000",
            "accepted: a whole number"),
        bad(ReqlensSettings.MAX_BUFFERED_TRACES, "0", "from 1 to 1000000", "accepted"),
        bad(
            ReqlensSettings.MAX_BUFFERED_SPANS,
            "2000000000",
            "from 1 to 10000000",
            "accepted: a whole number"),
        bad(ReqlensSettings.N_PLUS_ONE_THRESHOLD, "1", "from 2 to 10000", "accepted"),
        bad(ReqlensSettings.PROFILER, "maybe", "accepted: on or off", "on or off"),
        bad(ReqlensSettings.PROFILER_INTERVAL, "0ms", "out of range", "from 1ms to 1m"),
        bad(ReqlensSettings.PROFILER_INTERVAL, "2m", "out of range", "from 1ms to 1m"),
        bad(ReqlensSettings.PROFILER_INTERVAL, "often", "not a duration", "250ms"),
        bad(ReqlensSettings.PROFILER_AFTER, "2h", "out of range", "from 0ms to 1h"),
        bad(ReqlensSettings.PROFILER_AFTER, "-5ms", "not a duration", "1m30s"));
  }

  private static Arguments bad(Setting<?> setting, String value, String reason, String accepted) {
    return Arguments.of(setting.key(), value, reason, accepted);
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badInputs")
  void failsWithKeyValueAndWhatIsAccepted(
      String key, String value, String reason, String accepted) {
    DefaultConfigProperties config = DefaultConfigProperties.createFromMap(Map.of(key, value));
    String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    assertThatThrownBy(() -> new ReqlensSamplerProvider().createSampler(config))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid value for " + env + " (" + key + "): '" + value.trim() + "'")
        .hasMessageContaining(reason)
        .hasMessageContaining(accepted);
  }

  @Test
  void atLeastFifteenBadInputsAreCovered() {
    assertThat(badInputs().count()).isGreaterThanOrEqualTo(15);
  }

  @Test
  void goodValuesAreAccepted() {
    DefaultConfigProperties config =
        DefaultConfigProperties.createFromMap(
            Map.of(
                ReqlensSettings.RATIO.key(), "0.1",
                ReqlensSettings.RULES.key(),
                    "url.path=/api/checkout/** => 1; http.request.method=POST & url.path=/api/** =>"
                        + " 0.5; span.kind=CONSUMER => rate=10/s;",
                ReqlensSettings.EXCLUDE_ROUTES.key(), "/health,/metrics,/static/**",
                ReqlensSettings.KEEP_ERRORS.key(), "TRUE",
                ReqlensSettings.KEEP_SLOWER_THAN.key(), "250ms"));
    ReqlensSettings settings = ReqlensSettings.from(config);
    assertThat(settings.ratio()).isEqualTo(0.1);
    assertThat(settings.keepErrors()).isTrue();
    assertThat(settings.keepSlowerThan()).hasMillis(250);
    assertThat(settings.tailDecisions()).isTrue();
    assertThat(new ReqlensSamplerProvider().createSampler(config).getDescription())
        .contains("rules=[1: url.path=/api/checkout/** => 1,")
        .contains("3: span.kind=CONSUMER => rate=10/s]")
        .contains("recordUnsampled=true");
  }
}
