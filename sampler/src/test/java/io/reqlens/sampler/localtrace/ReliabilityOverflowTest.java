package io.reqlens.sampler.localtrace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.sampler.ReqlensSampler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reliability: a buffer of 4 local traces under 8 threads that all hold a request open at once.
 * Every round overflows the buffer; the oldest traces are decided early and counted as {@code
 * overflow}, nothing blocks or throws, no orphan span is exported (a child whose root was dropped),
 * every exported trace is whole, and every recorded trace is accounted for exactly once.
 */
class ReliabilityOverflowTest {

  static final int THREADS = 8;
  static final int ROUNDS = 200;

  @Test
  void buffersOfFourTracesUnderEightThreads() throws Exception {
    // Ratio 0 with keep-errors: every trace is recorded undecided; half fail at the very end, so
    // a trace decided early has no error yet and is dropped as overflow.
    ReqlensSampler sampler = ReqlensSampler.builder().setRatio(0).setRecordUnsampled(true).build();
    try (ProcessorFixture f =
        new ProcessorFixture(sampler, b -> b.setKeepErrors(true).setMaxBufferedTraces(4))) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CyclicBarrier allOpen = new CyclicBarrier(THREADS);
      List<Future<?>> work = new java.util.ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        final int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int r = 0; r < ROUNDS; r++) {
                    Span root = f.server("/api/" + thread + "/" + r, "/api/{t}/{r}");
                    Span first = f.child(root, "first", SpanKind.CLIENT);
                    first.end();
                    allOpen.await(30, TimeUnit.SECONDS); // 8 open roots, room for 4
                    Span second = f.child(root, "second", SpanKind.INTERNAL);
                    second.end();
                    if ((thread + r) % 2 == 0) {
                      root.setStatus(StatusCode.ERROR);
                    }
                    root.end();
                    allOpen.await(30, TimeUnit.SECONDS);
                  }
                  return null;
                }));
      }
      for (Future<?> w : work) {
        w.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();

      List<SpanData> spans = f.spans();
      Map<String, List<SpanData>> byTrace =
          spans.stream().collect(Collectors.groupingBy(SpanData::getTraceId));
      Set<String> rootIds =
          spans.stream()
              .filter(s -> s.getKind() == SpanKind.SERVER)
              .map(SpanData::getSpanId)
              .collect(Collectors.toSet());
      long orphans =
          spans.stream()
              .filter(s -> s.getKind() != SpanKind.SERVER)
              .filter(s -> !rootIds.contains(s.getParentSpanId()))
              .count();
      long incomplete = byTrace.values().stream().filter(l -> l.size() != 3).count();
      long kept = f.counter("reqlens.traces.kept", null);
      long overflow = f.counter("reqlens.traces.dropped", "overflow");
      long ratio = f.counter("reqlens.traces.dropped", "ratio");
      long requests = (long) THREADS * ROUNDS;
      System.out.println(
          "RELIABILITY overflow [maxBufferedTraces=4, "
              + THREADS
              + " threads each holding a request open, "
              + ROUNDS
              + " rounds] requests="
              + requests
              + " traces_exported="
              + byTrace.size()
              + " spans_exported="
              + spans.size()
              + " kept="
              + kept
              + " dropped_overflow="
              + overflow
              + " dropped_ratio="
              + ratio
              + " late_spans="
              + f.counter("reqlens.spans.late", null)
              + " orphan_spans="
              + orphans
              + " incomplete_traces="
              + incomplete);
      assertThat(orphans).isZero();
      assertThat(incomplete).isZero();
      assertThat(byTrace).hasSize((int) kept);
      assertThat(kept + overflow + ratio).as("every trace decided once").isEqualTo(requests);
      assertThat(overflow).as("each round overflows").isGreaterThanOrEqualTo(ROUNDS);
    }
  }
}
