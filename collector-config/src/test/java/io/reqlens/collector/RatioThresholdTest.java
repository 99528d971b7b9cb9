package io.reqlens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of OTEP 235 thresholds for the gateway's consistent ratio, and the value the
 * configs use, are what Reqlens' sampler computes: T = 2^56 - round(p * 2^56).
 */
class RatioThresholdTest {

  private static final Pattern ROW = Pattern.compile("\\| ([0-9.]+) % \\| `([0-9a-f]{14})` \\|");
  private static final Pattern CONDITION =
      Pattern.compile("Substring\\(trace_id\\.string, 18, 14\\) >= \"([0-9a-f]{14})\"");

  @Test
  void readmeTableMatchesTheFormula() {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(Checkers.read(Layout.readme()));
    while (m.find()) {
      rows.put(m.group(1), m.group(2));
    }

    assertThat(rows).hasSize(6);
    rows.forEach(
        (percent, hex) -> assertThat(hex).as(percent + " %").isEqualTo(threshold(percent)));
  }

  @Test
  void gatewayConfigsKeepTenPercent() {
    for (String file : new String[] {"gateway-tail-sampler.yaml", "span-metrics.yaml"}) {
      Matcher m = CONDITION.matcher(Checkers.read(Layout.module().resolve(file)));

      assertThat(m.find()).as(file).isTrue();
      assertThat(m.group(1)).as(file).isEqualTo(threshold("10"));
    }
  }

  /**
   * Reqlens' {@code ConsistentProbability.threshold} for the ratio a user would write in {@code
   * OTEL_TRACES_SAMPLER_ARG} (e.g. {@code 0.001}), as 14 hex digits.
   */
  private static String threshold(String percent) {
    double p = Double.parseDouble(new BigDecimal(percent).movePointLeft(2).toPlainString());
    return String.format("%014x", (1L << 56) - Math.round(p * 0x1p56));
  }
}
