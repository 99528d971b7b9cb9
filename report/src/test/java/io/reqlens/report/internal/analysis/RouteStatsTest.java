package io.reqlens.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reqlens.report.internal.input.Event;
import org.junit.jupiter.api.Test;

class RouteStatsTest {

  private static Request request(long durMs, double rate, boolean error, long queries, long dbMs) {
    Event e = Events.req("t" + durMs, "GET", "/a", 1, durMs, error ? 500 : 200);
    e.sampleRate = rate;
    e.dbCount = queries;
    e.dbDurNs = dbMs * 1_000_000L;
    e.bytesOut = 100;
    Request r = new Request(e.traceId);
    r.setReq(e);
    return r;
  }

  @Test
  void percentilesOfOneToHundredMilliseconds() {
    RouteStats s = new RouteStats("svc", "GET", "/a");
    for (int ms = 1; ms <= 100; ms++) {
      s.add(request(ms, 1.0, false, 1, 0));
    }
    // Two significant digits: each percentile is within 1% of the exact value (50, 95, 99 ms).
    assertThat(s.percentileNs(50) / 1e6).isCloseTo(50, within(0.5));
    assertThat(s.percentileNs(95) / 1e6).isCloseTo(95, within(1.0));
    assertThat(s.percentileNs(99) / 1e6).isCloseTo(99, within(1.0));
    assertThat(s.percentileNs(100)).isEqualTo(100_000_000L);
  }

  @Test
  void sampleRateReweightsCountsPercentilesAndErrors() {
    RouteStats s = new RouteStats("svc", "GET", "/a");
    // 9 fast requests kept at 10% (each stands for 10) and 1 slow error kept at 100%.
    for (int i = 0; i < 9; i++) {
      s.add(request(10, 0.1, false, 2, 5));
    }
    s.add(request(1000, 1.0, true, 0, 0));
    assertThat(s.requests).isEqualTo(10);
    assertThat(s.weighted).isCloseTo(91, within(1e-9));
    assertThat(100 * s.weightedErrors / s.weighted).isCloseTo(100.0 / 91, within(1e-9));
    // Unweighted, p95 would be the slow one; weighted, 90 of 91 requests are 10 ms.
    assertThat(s.percentileNs(95) / 1e6).isCloseTo(10, within(0.1));
    assertThat(s.maxNs).isEqualTo(1_000_000_000L);
    assertThat(s.sumQueries / s.weighted).isCloseTo(180.0 / 91, within(1e-9));
    assertThat(s.maxQueries).isEqualTo(2);
    // DB share: 90 x 5 ms of 90 x 10 ms + 1000 ms.
    assertThat(100 * s.sumDbNs / s.sumDurNs).isCloseTo(100 * 450.0 / 1900, within(1e-9));
  }
}
