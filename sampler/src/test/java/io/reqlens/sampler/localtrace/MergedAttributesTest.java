package io.reqlens.sampler.localtrace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exported view of a span's attributes with Reqlens' stamps and redactions on top. */
class MergedAttributesTest {

  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
  private static final AttributeKey<Long> COUNT = AttributeKey.longKey("reqlens.db.count");

  private final Attributes original = Attributes.of(ROUTE, "/a", QUERY, "token=secret&x=1");

  @Test
  void anOverrideReplacesTheSpansValueAndIsCountedOnce() {
    Attributes merged =
        MergedAttributes.of(original, Attributes.of(QUERY, "token=REDACTED&x=1", COUNT, 3L));
    Map<AttributeKey<?>, Object> seen = new LinkedHashMap<>();
    merged.forEach(
        (k, v) -> assertThat(seen.put(k, v)).as("%s given twice", k).isNull()); // once each
    assertThat(seen)
        .containsOnly(
            Map.entry(ROUTE, "/a"), Map.entry(QUERY, "token=REDACTED&x=1"), Map.entry(COUNT, 3L));
    assertThat(merged.size()).isEqualTo(3);
    assertThat(merged.get(QUERY)).isEqualTo("token=REDACTED&x=1");
    assertThat(merged.get(ROUTE)).isEqualTo("/a");
    assertThat(merged.asMap()).isEqualTo(seen);
  }

  @Test
  void equalToTheCopyItAvoids() {
    Attributes overrides = Attributes.of(QUERY, "token=REDACTED&x=1", COUNT, 3L);
    Attributes copy = original.toBuilder().putAll(overrides).build();
    Attributes merged = MergedAttributes.of(original, overrides);
    assertThat(merged).isEqualTo(copy);
    assertThat(merged.hashCode()).isEqualTo(copy.asMap().hashCode());
    assertThat(merged.toBuilder().build()).isEqualTo(copy);
    assertThat(merged.size()).isEqualTo(copy.size());
  }

  @Test
  void anEmptySideIsReturnedAsItIs() {
    Attributes stamps = Attributes.of(COUNT, 1L);
    assertThat(MergedAttributes.of(original, Attributes.empty())).isSameAs(original);
    assertThat(MergedAttributes.of(Attributes.empty(), stamps)).isSameAs(stamps);
    assertThat(MergedAttributes.of(original, stamps).isEmpty()).isFalse();
  }
}
