package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.core.config.Setting;
import io.reqlens.core.config.testing.YamlConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every environment key and its YAML property build the same components: for each key, a value that
 * differs from the default, once as environment text and once as the YAML a user would write, gives
 * a sampler and a processor with identical {@code getDescription()}/{@code toString()}. A key added
 * to {@link ReqlensSettings#ALL} without a sample here fails {@link #everyKeyHasASample}.
 */
class EnvFileSettingsParityTest {

  /** Key → (environment text, YAML value as written in a file). */
  static final Map<Setting<?>, String[]> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(ReqlensSettings.RATIO, new String[] {"0.25", "0.25"});
    SAMPLES.put(
        ReqlensSettings.RULES,
        new String[] {
          "url.path=/api/checkout/** => 1; span.kind=CONSUMER => rate=10/s",
          "[\"url.path=/api/checkout/** => 1\", \"span.kind=CONSUMER => rate=10/s\"]"
        });
    SAMPLES.put(
        ReqlensSettings.EXCLUDE_ROUTES,
        new String[] {"/health,/static/**,~/a{1,2}", "[/health, /static/**, \"~/a{1,2}\"]"});
    SAMPLES.put(ReqlensSettings.KEEP_ERRORS, new String[] {"true", "true"});
    SAMPLES.put(ReqlensSettings.KEEP_SLOWER_THAN, new String[] {"1m30s", "1m30s"});
    SAMPLES.put(ReqlensSettings.N_PLUS_ONE_THRESHOLD, new String[] {"9", "9"});
    SAMPLES.put(
        ReqlensSettings.REDACT_QUERY_PARAMS,
        new String[] {"password,*token*", "[password, \"*token*\"]"});
    SAMPLES.put(ReqlensSettings.MAX_BUFFERED_TRACES, new String[] {"100", "100"});
    SAMPLES.put(ReqlensSettings.MAX_BUFFERED_SPANS, new String[] {"1000", "1000"});
    SAMPLES.put(ReqlensSettings.PROFILER, new String[] {"off", "off"});
    SAMPLES.put(ReqlensSettings.PROFILER_INTERVAL, new String[] {"25ms", "25ms"});
    SAMPLES.put(ReqlensSettings.PROFILER_AFTER, new String[] {"1s", "1s"});
  }

  static Stream<Arguments> keys() {
    return ReqlensSettings.ALL.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void everyKeyHasASample(Setting<?> setting) {
    assertThat(SAMPLES).as("a sample for %s", setting).containsKey(setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void environmentAndFileBuildTheSameComponents(Setting<?> setting) {
    String[] sample = SAMPLES.get(setting);
    DefaultConfigProperties env =
        DefaultConfigProperties.createFromMap(Map.of(setting.key(), sample[0]));
    String yaml = setting.property() + ": " + sample[1];

    Sampler fromEnv = new ReqlensSamplerProvider().createSampler(env);
    Sampler fromFile = new ReqlensSamplerComponentProvider().create(YamlConfig.properties(yaml));
    assertThat(fromFile.getDescription()).isEqualTo(fromEnv.getDescription());
    assertThat(fromFile.toString()).isEqualTo(fromEnv.toString());

    SpanProcessor processorFromEnv = ReqlensSettings.from(env).processor(SpanProcessor.composite());
    // As the model customizer hands the sampler's local-trace keys to the processor:
    String processorYaml =
        ReqlensSettings.PROCESSOR_KEYS.contains(setting) ? yaml : "processors: []";
    SpanProcessor processorFromFile =
        new LocalTraceComponentProvider().create(YamlConfig.properties(processorYaml));
    assertThat(processorFromFile.toString()).isEqualTo(processorFromEnv.toString());

    assertThat(fromEnv.getDescription() + processorFromEnv)
        .as("the sample differs from the default, so the comparison means something")
        .isNotEqualTo(
            new ReqlensSamplerProvider()
                    .createSampler(DefaultConfigProperties.createFromMap(Map.of()))
                    .getDescription()
                + ReqlensSettings.from(DefaultConfigProperties.createFromMap(Map.of()))
                    .processor(SpanProcessor.composite()));
    processorFromEnv.shutdown();
    processorFromFile.shutdown();
  }
}
