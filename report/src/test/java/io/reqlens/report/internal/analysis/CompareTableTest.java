package io.reqlens.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.reqlens.report.internal.input.Event;
import org.junit.jupiter.api.Test;

class CompareTableTest {

  private static Request request(String version, long durMs, int i) {
    Event e = Events.req(version + i, "GET", "/a", i, durMs, 200);
    e.serviceVersion = version;
    Request r = new Request(e.traceId);
    r.setReq(e);
    return r;
  }

  @Test
  void completelySeparatedSamplesGiveTheExactMannWhitneyPValue() {
    CompareTable t = new CompareTable(CompareSpec.versions("1.0", "1.1"));
    for (int i = 1; i <= 5; i++) {
      t.add(request("1.0", i, i));
      t.add(request("1.1", i + 5, i));
    }
    t.add(request("0.9", 1, 0)); // neither side
    ReportData.CompareRow row = t.result().rows.get(0);
    assertThat(row.requestsA).isEqualTo(5);
    assertThat(row.requestsB).isEqualTo(5);
    // U = 0: only 1 of C(10,5) = 252 orderings is as extreme per tail, two-sided p = 2/252.
    assertThat(row.pValue).isCloseTo(2.0 / 252, within(1e-9));
    assertThat(row.significant).isTrue();
    assertThat(row.p50B).isGreaterThan(row.p50A);
  }

  @Test
  void identicalSamplesAreNotSignificant() {
    CompareTable t = new CompareTable(CompareSpec.versions("a", "b"));
    for (int i = 1; i <= 60; i++) {
      t.add(request("a", i % 20, i));
      t.add(request("b", i % 20, i));
    }
    ReportData.CompareRow row = t.result().rows.get(0);
    assertThat(row.pValue).isGreaterThan(0.9);
    assertThat(row.significant).isFalse();
  }

  @Test
  void tooFewSamplesGiveNoVerdict() {
    CompareTable t = new CompareTable(CompareSpec.windows(0, 10, 10, 20, "A", "B"));
    t.add(request("x", 5, 1));
    t.add(request("x", 6, 12));
    ReportData.CompareRow row = t.result().rows.get(0);
    assertThat(row.pValue).isNaN();
    assertThat(row.significant).isFalse();
  }

  @Test
  void reservoirIsBoundedAndUniformEnough() {
    Reservoir r = new Reservoir(100, 1);
    for (int i = 0; i < 100_000; i++) {
      r.add(i);
    }
    double[] s = r.sample();
    assertThat(s).hasSize(100);
    double mean = java.util.Arrays.stream(s).average().orElse(0);
    assertThat(mean).isBetween(35_000.0, 65_000.0);
  }
}
