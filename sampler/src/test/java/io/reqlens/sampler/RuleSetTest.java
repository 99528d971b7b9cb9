package io.reqlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.Clock;
import io.reqlens.core.pattern.RoutePattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The indexed, cached evaluation must always agree with the obvious linear scan. */
class RuleSetTest {

  private static final String[] SEGMENTS = {
    "api", "v1", "users", "orders", "42", "static", "a.css", ""
  };
  private static final String[] PATTERNS = {
    "/api/**",
    "/api/users/*",
    "/api/orders",
    "/static/**",
    "/api/*/orders",
    "**",
    "/api",
    "~/api/[a-z]+",
    "/v1/**/42",
    "/api/users/4*",
    "*",
    "/"
  };

  private static String randomPath(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      sb.append('/').append(SEGMENTS[r.nextInt(SEGMENTS.length)]);
    }
    return r.nextInt(10) == 0 ? sb.toString().replaceFirst("^/", "") : sb.toString();
  }

  private static String randomRule(Random r) {
    StringBuilder sb = new StringBuilder();
    int matchers = 1 + r.nextInt(3);
    for (int i = 0; i < matchers; i++) {
      if (i > 0) {
        sb.append(" & ");
      }
      switch (r.nextInt(4)) {
        case 0:
          sb.append("http.request.method")
              .append(r.nextBoolean() ? "=" : "!=")
              .append(r.nextBoolean() ? "GET" : "P*");
          break;
        case 1:
          sb.append("span.kind=").append(r.nextBoolean() ? "SERVER" : "CLIENT");
          break;
        default:
          sb.append("url.path")
              .append(r.nextInt(5) == 0 ? "!=" : "=")
              .append(PATTERNS[r.nextInt(PATTERNS.length)]);
      }
    }
    return sb.append(" => ").append(r.nextBoolean() ? "1" : "drop").toString();
  }

  @Test
  void indexedFirstMatchEqualsLinearScan() {
    Random r = new Random(2026);
    for (int set = 0; set < 300; set++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + r.nextInt(30);
      for (int i = 0; i < n; i++) {
        text.append(randomRule(r)).append(';');
      }
      List<Rule> rules = RuleParser.parse(text.toString(), Clock.getDefault());
      RuleSet set1 = new RuleSet(rules);
      for (int q = 0; q < 200; q++) {
        AttributesBuilder b = Attributes.builder();
        if (r.nextInt(8) != 0) {
          b.put("url.path", randomPath(r));
        }
        if (r.nextBoolean()) {
          b.put("http.request.method", r.nextBoolean() ? "GET" : "POST");
        }
        Attributes attributes = b.build();
        SpanKind kind = r.nextBoolean() ? SpanKind.SERVER : SpanKind.CLIENT;
        Rule expected = null;
        for (Rule rule : rules) {
          if (rule.matches("GET", kind, attributes)) {
            expected = rule;
            break;
          }
        }
        assertThat(set1.firstMatch("GET", kind, attributes))
            .as("rules %s on %s %s", text, kind, attributes)
            .isSameAs(expected);
      }
    }
  }

  @Test
  void indexesTheCommonShape() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      text.append("url.path=/api/svc").append(i).append("/** => 0.5;");
    }
    List<Rule> rules = RuleParser.parse(text.toString(), Clock.getDefault());
    new RuleSet(rules); // assigns the cached slots the index is built on
    PrefixIndex index = PrefixIndex.build(rules);
    assertThat(index).isNotNull();
    assertThat(index.candidates("/api/users/42")).isZero();
    assertThat(index.candidates("/api/svc1")).isEqualTo(1L << 1);
    assertThat(index.candidates("/api/svc12/x")).isEqualTo((1L << 1) | (1L << 12));
    assertThat(index.candidates(null)).isZero();
    assertThat(RoutePattern.compile("/static/**").requiredPrefix()).isEqualTo("/static");
    assertThat(RoutePattern.compile("/api/*/items").requiredPrefix()).isEqualTo("/api/");
    assertThat(RoutePattern.compile("/api/**/items").requiredPrefix()).isEqualTo("/api");
    assertThat(RoutePattern.compile("**/x").requiredPrefix()).isEmpty();
    assertThat(RoutePattern.compile("~/api/.*").requiredPrefix()).isEmpty();
  }
}
