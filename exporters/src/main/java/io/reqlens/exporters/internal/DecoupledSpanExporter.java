package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.core.log.ThrottledLogger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs a network exporter (OTLP) on its own thread behind a bounded queue, so that it never holds
 * back the file exporters it shares a batch processor with.
 *
 * <p>Why? SDK autoconfigure (and the agent) puts {@code OTEL_TRACES_EXPORTER=otlp,jsonl} behind one
 * {@code BatchSpanProcessor}, whose worker waits for every exporter before taking the next batch.
 * While the backend is down the OTLP exporter retries each batch for up to its timeout (10 s), so
 * the worker passes one batch (512 spans) per 10 s to the files too; beyond that rate the
 * processor's queue fills and it drops spans from every exporter — the files lose exactly the spans
 * they were there to keep. Here {@code export} only hands the batch over and returns: the files are
 * written at disk speed whatever the backend does, and when this queue is full the network
 * exporter's batch is dropped (counted, logged once a minute at most); the spans are in the files,
 * and {@code replay} sends them later.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
final class DecoupledSpanExporter implements SpanExporter {

  /** How long one export may take before the worker gives up waiting on it. */
  private static final long EXPORT_WAIT_NANOS = TimeUnit.MINUTES.toNanos(2);

  /** How long {@code shutdown} keeps sending what is queued. */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final Logger LOGGER = Logger.getLogger(DecoupledSpanExporter.class.getName());

  private final SpanExporter delegate;
  private final int capacity;
  private final ThrottledLogger dropLog;
  private final Object lock = new Object();
  private final ArrayDeque<List<SpanData>> queue = new ArrayDeque<>(); // guarded by lock
  private final List<CompletableResultCode> flushes = new ArrayList<>(); // guarded by lock
  private int queuedSpans; // guarded by lock
  private boolean busy; // guarded by lock
  private boolean shuttingDown; // guarded by lock
  private long dropped; // guarded by lock
  private final CompletableResultCode terminated = new CompletableResultCode();
  private final Thread worker;

  DecoupledSpanExporter(SpanExporter delegate, int capacitySpans, Clock clock) {
    this.delegate = delegate;
    this.capacity = capacitySpans;
    this.dropLog = new ThrottledLogger(LOGGER, clock);
    this.worker = new Thread(this::work, "reqlens-export-" + delegate.getClass().getSimpleName());
    this.worker.setDaemon(true);
    this.worker.start();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    long total;
    synchronized (lock) {
      if (shuttingDown) {
        return CompletableResultCode.ofFailure();
      }
      if (queuedSpans + spans.size() <= capacity || queue.isEmpty()) {
        queue.add(new ArrayList<>(spans));
        queuedSpans += spans.size();
        lock.notifyAll();
        return CompletableResultCode.ofSuccess();
      }
      dropped += spans.size();
      total = dropped;
    }
    dropLog.warn(
        "Reqlens: "
            + delegate.getClass().getSimpleName()
            + " is behind (backend slow or unreachable): dropped "
            + spans.size()
            + " span(s) for it, "
            + total
            + " so far (queue of "
            + capacity
            + " spans, OTEL_BSP_MAX_QUEUE_SIZE). The span files have them: send them later with"
            + " `java -jar reqlens-javaagent-extension.jar replay --since <time>`.",
        null);
    return CompletableResultCode.ofFailure();
  }

  /** Spans dropped because the queue was full. */
  long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }

  private void work() {
    while (true) {
      List<SpanData> batch;
      synchronized (lock) {
        while (queue.isEmpty() && !shuttingDown) {
          completeFlushes();
          try {
            lock.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (queue.isEmpty()) {
          break; // shutting down and drained
        }
        batch = queue.poll();
        queuedSpans -= batch.size();
        busy = true;
      }
      try {
        delegate.export(batch).join(EXPORT_WAIT_NANOS, TimeUnit.NANOSECONDS);
      } catch (RuntimeException e) {
        // The exporter's own problem: it logs it; nothing reaches the application.
      } finally {
        synchronized (lock) {
          busy = false;
          lock.notifyAll();
        }
      }
    }
    synchronized (lock) {
      completeFlushes();
    }
    delegate.shutdown().whenComplete(terminated::succeed);
  }

  private void completeFlushes() {
    if (queue.isEmpty() && !busy) {
      for (CompletableResultCode f : flushes) {
        f.succeed();
      }
      flushes.clear();
    }
  }

  @Override
  public CompletableResultCode flush() {
    CompletableResultCode f = new CompletableResultCode();
    synchronized (lock) {
      if (queue.isEmpty() && !busy) {
        return f.succeed();
      }
      flushes.add(f);
    }
    return f;
  }

  @Override
  public CompletableResultCode shutdown() {
    synchronized (lock) {
      if (shuttingDown) {
        return terminated;
      }
      shuttingDown = true;
      lock.notifyAll();
    }
    // What is still queued after the drain time is dropped: shutdown must end.
    Thread stopper =
        new Thread(
            () -> {
              try {
                worker.join(TimeUnit.NANOSECONDS.toMillis(DRAIN_NANOS));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              if (worker.isAlive()) {
                synchronized (lock) {
                  dropped += queuedSpans;
                  queue.clear();
                  queuedSpans = 0;
                }
              }
            },
            "reqlens-export-drain");
    stopper.setDaemon(true);
    stopper.start();
    return terminated;
  }

  @Override
  public String toString() {
    return "DecoupledSpanExporter{queue=" + capacity + " spans, exporter=" + delegate + "}";
  }
}
