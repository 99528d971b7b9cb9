package io.reqlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two sources hand every setting the same text: YAML scalars of any type, lists and strings in
 * the environment grammar; and both fail with the one message shape.
 */
class ConfigSourceTest {

  static final Setting<Double> RATIO =
      Setting.of("ratio", "otel.test.ratio", Parsers.ratio(), 1.0, "a ratio");
  static final Setting<Boolean> FLAG =
      Setting.of("flag", "otel.test.flag", Parsers.bool(), false, "a flag");
  static final Setting<Integer> COUNT =
      Setting.of("count", "otel.test.count", Parsers.positiveInt(), 5, "a count");
  static final Setting<Duration> WAIT =
      Setting.of("wait", "otel.test.wait", Parsers.positiveDuration(), null, "a wait");
  static final Setting<Long> SIZE =
      Setting.of("size", "otel.test.size", Parsers.positiveBytes(), 1L, "a size");
  static final Setting<String> ITEMS =
      Setting.list("items", "otel.test.items", ",", Parsers.text("names"), "", "names");

  private static ConfigSource yaml(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return ConfigSource.yaml(map, "a.b");
  }

  private static ConfigSource env(String key, String value) {
    return ConfigSource.env(DefaultConfigProperties.createFromMap(Map.of(key, value)));
  }

  @Test
  void yamlScalarsOfAnyTypeReadLikeTheirEnvironmentText() {
    assertThat(yaml("ratio", 0.1).get(RATIO)).isEqualTo(env("otel.test.ratio", "0.1").get(RATIO));
    assertThat(yaml("ratio", 1).get(RATIO)).isEqualTo(1.0);
    assertThat(yaml("ratio", 1e-7).get(RATIO)).isEqualTo(1e-7);
    assertThat(yaml("flag", true).get(FLAG)).isTrue();
    assertThat(yaml("flag", "TRUE").get(FLAG)).isTrue();
    assertThat(yaml("count", 7L).get(COUNT)).isEqualTo(7);
    assertThat(yaml("wait", "1m30s").get(WAIT)).isEqualTo(Duration.ofSeconds(90));
    assertThat(yaml("wait", 250).get(WAIT)).isEqualTo(Duration.ofMillis(250));
    assertThat(yaml("size", "16MiB").get(SIZE)).isEqualTo(16L << 20);
  }

  @Test
  void unsetNullAndBlankMeanTheDefault() {
    assertThat(yaml().get(COUNT)).isEqualTo(5);
    assertThat(yaml("count", null).get(COUNT)).isEqualTo(5);
    assertThat(yaml("count", "  ").get(COUNT)).isEqualTo(5);
    assertThat(yaml("items", Collections.emptyList()).get(ITEMS)).isEmpty();
    assertThat(yaml().get(WAIT)).isNull();
  }

  @Test
  void listsJoinTheirItemsWithTheEnvironmentSeparator() {
    List<Object> items = Arrays.asList("/a", "/b/**", 3);
    assertThat(yaml("items", items).get(ITEMS)).isEqualTo("/a,/b/**,3");
    assertThat(yaml("items", "/a,/b").get(ITEMS)).isEqualTo("/a,/b");
  }

  @Test
  void wrongShapesAreRejectedNamingThePath() {
    assertThatThrownBy(() -> yaml("count", List.of(1, 2)).get(COUNT))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Invalid value for a.b.count: '[1, 2]': a list; accepted: a whole number from 1 to"
                + " 2147483647");
    assertThatThrownBy(() -> yaml("flag", Map.of("x", 1)).get(FLAG))
        .hasMessage("Invalid value for a.b.flag: '{x=1}': a mapping; accepted: true or false");
    assertThatThrownBy(() -> yaml("items", List.of("/a", List.of("/b"))).get(ITEMS))
        .hasMessage(
            "Invalid value for a.b.items: '[/a, [/b]]': item 2 is not a single value; accepted: a"
                + " list of names");
  }

  @Test
  void badValuesFailTheSameWayFromBothSources() {
    assertThatThrownBy(() -> yaml("ratio", 1.5).get(RATIO))
        .hasMessage(
            "Invalid value for a.b.ratio: '1.5': outside [0,1]; accepted: a ratio in [0,1], e.g."
                + " 0.25");
    assertThatThrownBy(() -> env("otel.test.ratio", "1.5").get(RATIO))
        .hasMessage(
            "Invalid value for OTEL_TEST_RATIO (otel.test.ratio): '1.5': outside [0,1]; accepted:"
                + " a ratio in [0,1], e.g. 0.25");
  }

  @Test
  void unknownYamlPropertiesAreRejectedWithWhatIsAccepted() {
    assertThatThrownBy(
            () -> yaml("count", 1, "cuont", 2).requireKnown(List.of(COUNT, FLAG), List.of("x")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Unknown property a.b.cuont (value '2'); accepted properties: count, flag, x");
    env("otel.other", "1").requireKnown(List.of(COUNT), List.of()); // the environment: no check
  }
}
