package io.reqlens.report.internal.analysis;

import static io.reqlens.report.internal.analysis.Events.db;
import static io.reqlens.report.internal.analysis.Events.req;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatorsTest {

  /** Assembles one request from its events. */
  private static Request request(String trace, String route, long durMs, String... queries) {
    List<Request> out = new ArrayList<>();
    RequestAssembler a = new RequestAssembler(out::add);
    for (String q : queries) {
      a.accept(db(trace, q, 2));
    }
    a.accept(req(trace, "GET", route, 1, durMs, 200));
    a.finish();
    return out.get(0);
  }

  @Test
  void nPlusOneFlagsAStatementRepeatedWithinOneRequest() {
    NPlusOne n = new NPlusOne(5);
    n.add(request("a", "/orders", 50, "Q1", "Q2", "Q2", "Q2", "Q2", "Q2", "Q2")); // Q2 x6
    n.add(request("b", "/orders", 50, "Q2", "Q2", "Q2", "Q2", "Q2")); // x5: at the threshold
    n.add(request("c", "/orders", 50, "Q2", "Q2", "Q2", "Q2")); // x4: below
    n.add(request("d", "/users", 50, "Q1"));
    List<ReportData.NPlusOneRow> rows = n.top(10);
    assertThat(rows).hasSize(1);
    ReportData.NPlusOneRow r = rows.get(0);
    assertThat(r.route).isEqualTo("/orders");
    assertThat(r.statement).isEqualTo("Q2");
    assertThat(r.requests).isEqualTo(2);
    assertThat(r.maxRepeats).isEqualTo(6);
    assertThat(r.meanRepeats).isEqualTo(5.5);
    assertThat(r.exampleTraceId).isEqualTo("a");
  }

  @Test
  void queryTableTotalsAndOrders() {
    QueryTable t = new QueryTable();
    t.add(request("a", "/orders", 50, "Q1", "Q2", "Q2", "Q2"));
    t.add(request("b", "/users", 50, "Q1"));
    List<ReportData.QueryRow> byCalls =
        t.top(10, Comparator.comparingLong((ReportData.QueryRow q) -> q.calls).reversed());
    assertThat(byCalls).extracting(q -> q.statement).containsExactly("Q2", "Q1");
    assertThat(byCalls.get(0).calls).isEqualTo(3);
    assertThat(byCalls.get(0).totalNs).isEqualTo(6_000_000L);
    assertThat(byCalls.get(0).requests).isEqualTo(1);
    assertThat(byCalls.get(1).requests).isEqualTo(2);
    assertThat(byCalls.get(0).topRoute).isEqualTo("GET /orders");
  }

  @Test
  void timelineWidensBucketsInsteadOfGrowing() {
    Timeline t = new Timeline();
    long minute = 60_000_000_000L;
    for (int i = 0; i < Timeline.MAX_BUCKETS * 3; i++) {
      t.add(i * minute, 1, i % 2 == 0);
    }
    ReportData.Timeline r = t.result();
    assertThat(r.bucketSeconds).isEqualTo(240);
    assertThat(r.startNs.length).isLessThanOrEqualTo(Timeline.MAX_BUCKETS);
    assertThat(r.requestsPerMinute[0]).isEqualTo(1.0); // 4 requests in 4 minutes
    assertThat(r.errorsPerMinute[0]).isEqualTo(0.5);
  }

  @Test
  void heatmapByDayAndHourInTheZone() {
    Heatmap h = new Heatmap(ZoneId.of("Europe/Paris"));
    long ns = Instant.parse("2026-11-20T09:30:00Z").getEpochSecond() * 1_000_000_000L; // Fri 10:30
    h.add(ns, 2);
    h.add(ns + 60_000_000_000L, 1);
    h.add(ns - 3_600_000_000_000L, 1);
    double[][] cells = h.result().requests;
    assertThat(cells[4][10]).isEqualTo(3);
    assertThat(cells[4][9]).isEqualTo(1);
  }

  @Test
  void topNKeepsTheGreatest() {
    TopN<Integer> top = new TopN<>(3, Comparator.<Integer>naturalOrder());
    for (int i : new int[] {5, 1, 9, 7, 3, 8}) {
      top.offer(i);
    }
    assertThat(top.sorted()).containsExactly(9, 8, 7);
    assertThat(top.wouldKeep(2)).isFalse();
  }

  @Test
  void countTableCapsNames() {
    CountTable c = new CountTable(2);
    for (String s : new String[] {"a", "b", "a", "c", "d"}) {
      c.add(s);
    }
    assertThat(c.top(10))
        .extracting(r -> r.name + "=" + r.count)
        .containsExactly("(other)=2", "a=2", "b=1");
  }

  @Test
  void routeTableOverflowsIntoOther() {
    RouteTable t = new RouteTable();
    for (int i = 0; i < RouteTable.MAX_ROUTES + 3; i++) {
      t.add(request("t" + i, "/r" + i, 1));
    }
    assertThat(t.all()).hasSize(RouteTable.MAX_ROUTES + 1);
    assertThat(t.overflowRequests()).isEqualTo(3);
  }
}
