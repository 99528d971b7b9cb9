package io.reqlens.sampler.localtrace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.sampler.ReqlensSampler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Many threads produce interleaved local traces (children ending on other threads too); every kept
 * trace arrives complete, once, with each span under its own root, and nothing else arrives.
 */
class LocalTraceProcessorConcurrencyTest {

  @Test
  void noLostDuplicatedOrMixedUpSpans() throws Exception {
    ReqlensSampler sampler =
        ReqlensSampler.builder()
            .setRatio(0.5)
            .setRecordUnsampled(true)
            .setExcludedRoutes(RouteList.parse("/health"))
            .build();
    Map<String, Integer> expected = new ConcurrentHashMap<>(); // trace id → span count
    Set<String> unexpected = ConcurrentHashMap.newKeySet();
    try (ProcessorFixture f =
        new ProcessorFixture(sampler, b -> b.setKeepErrors(true).setMaxBufferedTraces(100_000))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      ExecutorService helpers = Executors.newFixedThreadPool(4);
      int traces = 4000;
      CountDownLatch done = new CountDownLatch(traces);
      for (int t = 0; t < traces; t++) {
        final int n = t;
        pool.execute(
            () -> {
              try {
                boolean excluded = n % 10 == 0;
                boolean error = n % 7 == 0;
                Span root = f.server(excluded ? "/health" : "/api/" + n, null);
                int children = ThreadLocalRandom.current().nextInt(0, 6);
                CountDownLatch childrenDone = new CountDownLatch(children);
                for (int c = 0; c < children; c++) {
                  Span child =
                      f.child(root, "c" + c, c % 2 == 0 ? SpanKind.CLIENT : SpanKind.INTERNAL);
                  child.setAttribute("expected.root", root.getSpanContext().getSpanId());
                  if (error && c == 0) {
                    child.setStatus(StatusCode.ERROR);
                  }
                  helpers.execute(
                      () -> {
                        child.end();
                        childrenDone.countDown();
                      });
                }
                childrenDone.await();
                root.end();
                String id = root.getSpanContext().getTraceId();
                boolean kept =
                    !excluded && (root.getSpanContext().isSampled() || (error && children > 0));
                if (kept) {
                  expected.put(id, children + 1);
                } else {
                  unexpected.add(id);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                done.countDown();
              }
            });
      }
      assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
      pool.shutdown();
      helpers.shutdown();

      Map<String, java.util.List<SpanData>> byTrace =
          f.spans().stream().collect(Collectors.groupingBy(SpanData::getTraceId));
      assertThat(byTrace.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
      assertThat(byTrace.keySet()).doesNotContainAnyElementsOf(unexpected);
      for (Map.Entry<String, java.util.List<SpanData>> e : byTrace.entrySet()) {
        java.util.List<SpanData> spans = e.getValue();
        assertThat(spans).hasSize(expected.get(e.getKey()));
        assertThat(spans.stream().map(SpanData::getSpanId).distinct().count())
            .isEqualTo(spans.size());
        SpanData root =
            spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
        for (SpanData s : spans) {
          if (s != root) {
            assertThat(s.getParentSpanId()).isEqualTo(root.getSpanId());
            assertThat(
                    s.getAttributes()
                        .get(io.opentelemetry.api.common.AttributeKey.stringKey("expected.root")))
                .isEqualTo(root.getSpanId());
          }
        }
      }
      long dropped =
          f.counter("reqlens.traces.dropped", "ratio")
              + f.counter("reqlens.traces.dropped", "excluded");
      assertThat(f.counter("reqlens.traces.kept", null)).isEqualTo(expected.size());
      // Excluded traces are dropped by the sampler itself and never reach the processor.
      assertThat(dropped).isEqualTo(unexpected.size() - traces / 10);
    }
  }
}
