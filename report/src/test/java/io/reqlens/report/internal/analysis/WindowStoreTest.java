package io.reqlens.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's store: what it keeps, what it evicts, and what it gives back. */
class WindowStoreTest {

  private static Request request(String trace, long ts) {
    List<Request> out = new ArrayList<>();
    RequestAssembler a = new RequestAssembler(out::add);
    for (int i = 0; i < 6; i++) {
      a.accept(Events.db(trace, "SELECT a FROM b WHERE id = ?", 2));
    }
    a.accept(Events.req(trace, "GET", "/r", ts, 30, 500));
    a.accept(Events.meta(trace, "java.lang.IllegalStateException", "boom"));
    a.finish();
    return out.get(0);
  }

  private static List<String> traces(WindowStore s, long since) {
    List<String> out = new ArrayList<>();
    s.replayAddedSince(since, r -> out.add(r.traceId));
    return out;
  }

  @Test
  void aStoredRequestGivesBackWhatTheAnalysisReads() {
    WindowStore s = new WindowStore(10);
    s.add(request("t1", 100), 3, 77);
    WindowStore.Found f = s.find("t1").get(0);
    assertThat(f.fileId).isEqualTo(3);
    assertThat(f.offset).isEqualTo(77);
    Request r = f.request;
    assertThat(r.queries()).isEqualTo(6);
    assertThat(r.statements().iterator().next().count).isEqualTo(6);
    assertThat(r.error()).isTrue();
    assertThat(r.failures().get(0).message).isEqualTo("boom");
    assertThat(Rows.frames(r.failures().get(0).traceback))
        .containsExactly("at a.B.c(B.java:1)", "at a.B.d(B.java:2)");
  }

  @Test
  void evictsByCapAndByWindowAndReplaysOnlyWhatIsNew() {
    WindowStore s = new WindowStore(3);
    for (int i = 1; i <= 5; i++) {
      s.add(request("t" + i, i * 10), 0, 0);
    }
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.evictedByCap()).isEqualTo(2);
    assertThat(s.find("t1")).isEmpty();
    assertThat(traces(s, 3)).containsExactly("t4", "t5");
    assertThat(traces(s, 0)).containsExactly("t3", "t4", "t5");
    assertThat(traces(s, 5)).isEmpty();
    long v = s.version();
    assertThat(s.evictOlderThan(40)).isEqualTo(1);
    assertThat(s.version()).isGreaterThan(v);
    assertThat(s.oldestNs()).isEqualTo(40);
    assertThat(s.versions()).containsEntry("null", 2L);
  }

  @Test
  void aTraceWithTwoServerRequestsKeepsBoth() {
    WindowStore s = new WindowStore(10);
    s.add(request("t", 1), 0, 0);
    s.add(request("t", 2), 0, 1);
    assertThat(s.find("t")).hasSize(2);
    s.evictOlderThan(2);
    assertThat(s.find("t")).hasSize(1);
  }
}
