package io.reqlens.report.internal.analysis;

import static io.reqlens.report.internal.analysis.Events.db;
import static io.reqlens.report.internal.analysis.Events.meta;
import static io.reqlens.report.internal.analysis.Events.prof;
import static io.reqlens.report.internal.analysis.Events.req;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestAssemblerTest {

  private final List<Request> out = new ArrayList<>();
  private final RequestAssembler assembler = new RequestAssembler(out::add);

  @Test
  void childrenBeforeTheirRequestAndExceptionsJustAfter() {
    assembler.accept(db("t1", "SELECT a", 2));
    assembler.accept(db("t2", "SELECT b", 1)); // interleaved with another trace
    assembler.accept(db("t1", "SELECT a", 3));
    assembler.accept(req("t1", "GET", "/a", 10, 20, 500));
    assembler.accept(meta("t1", "java.lang.IllegalStateException", "boom"));
    assembler.accept(req("t2", "GET", "/b", 11, 5, 200));
    assertThat(out).as("held back for late children").isEmpty();
    assembler.finish();

    assertThat(out).hasSize(2);
    Request r1 = out.get(0);
    assertThat(r1.traceId).isEqualTo("t1");
    assertThat(r1.queries()).as("no db_count: counted from DB events").isEqualTo(2);
    assertThat(r1.dbNs()).isEqualTo(5_000_000L);
    Request.Calls calls = r1.statements().iterator().next();
    assertThat(calls.count).isEqualTo(2);
    assertThat(calls.maxNs).isEqualTo(3_000_000L);
    assertThat(r1.failures()).hasSize(1);
    assertThat(r1.failures().get(0).type).isEqualTo("java.lang.IllegalStateException");
    assertThat(out.get(1).queries()).isEqualTo(1);
    assertThat(assembler.orphanEvents()).isZero();
  }

  @Test
  void aProfileJoinsTheRequestWrittenBeforeItAndAStrayOneIsAnOrphan() {
    assembler.accept(req("t1", "GET", "/a", 10, 300, 200));
    assembler.accept(prof("t1", 28, "a;b;java.lang.Thread.sleep;[TIMED_WAITING] 28"));
    assembler.accept(prof("nobody", 3, "a;b 3"));
    assembler.finish();

    assertThat(out).hasSize(1);
    assertThat(out.get(0).profile().samples).isEqualTo(28);
    assertThat(out.get(0).profile().intervalNs).isEqualTo(10_000_000L);
    assertThat(out.get(0).profile().stacks)
        .containsExactly("a;b;java.lang.Thread.sleep;[TIMED_WAITING] 28");
    assertThat(assembler.orphanEvents()).as("never held open for its REQ").isEqualTo(1);
  }

  @Test
  void releasesAfterTheDelayAndCountsOrphans() {
    for (int i = 0; i < RequestAssembler.DELAY + 5; i++) {
      assembler.accept(req("t" + i, "GET", "/a", i, 1, 200));
    }
    assertThat(out).hasSize(5);
    assembler.accept(db("lost", "SELECT 1", 1));
    assembler.accept(meta("lost", "E", "m"));
    assembler.finish();
    assertThat(out).hasSize(RequestAssembler.DELAY + 5);
    assertThat(assembler.orphanEvents()).isEqualTo(2);
    assertThat(assembler.orphanQueries()).as("the DB event only").isEqualTo(1);
  }

  @Test
  void openTracesAreBounded() {
    for (int i = 0; i < RequestAssembler.MAX_OPEN + 10; i++) {
      assembler.accept(db("t" + i, "SELECT 1", 1));
    }
    assertThat(assembler.orphanEvents()).isEqualTo(10);
    assembler.finish();
    assertThat(assembler.orphanEvents()).isEqualTo(RequestAssembler.MAX_OPEN + 10);
  }

  @Test
  void aSecondServerSpanOfOneTraceIsItsOwnRequest() {
    assembler.accept(req("t", "GET", "/inner", 1, 1, 200));
    assembler.accept(req("t", "GET", "/outer", 2, 3, 200));
    assembler.finish();
    assertThat(out).extracting(Request::route).containsExactly("/inner", "/outer");
  }
}
