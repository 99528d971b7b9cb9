package io.reqlens.exporters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Joins exceptions recorded on any span of a local trace to the route of that trace's SERVER span,
 * so each {@code REQ_META} carries the route, and reports an exception once even when it was
 * recorded on the failing child and again on the server span it propagated to.
 *
 * <p>Children end (and are exported) before their server span, often in an earlier batch, so their
 * exceptions are held back until the server span arrives, at most {@value #HOLD_SECONDS} s; a trace
 * whose server span never comes (a background job, a server span dropped elsewhere) gets its
 * exceptions written with a null route then. Memory is bounded: at most {@value #MAX_TRACES} traces
 * are remembered; the oldest is written out early when more arrive.
 *
 * <p>Not thread-safe: used under the exporter's lock.
 */
final class LocalTraceExceptions {

  static final int MAX_TRACES = 1024;
  static final long HOLD_SECONDS = 30;
  private static final long HOLD_NANOS = TimeUnit.SECONDS.toNanos(HOLD_SECONDS);

  /** Receives each exception to write, with its route (null when unknown). */
  interface Sink {
    void emit(ExceptionRecord record, String route);
  }

  private static final class Entry {
    final long createdNanos;
    String route;
    boolean serverSeen;
    final List<ExceptionRecord> pending = new ArrayList<>(2);
    final List<ExceptionRecord> emitted = new ArrayList<>(2);

    Entry(long createdNanos) {
      this.createdNanos = createdNanos;
    }
  }

  private final Map<String, Entry> traces = new LinkedHashMap<>();
  private final Set<String> batchTraces = new HashSet<>();

  /** Starts a batch: remembers which traces of it recorded exceptions (usually none). */
  void beginBatch() {
    batchTraces.clear();
  }

  void noteExceptionIn(String traceId) {
    batchTraces.add(traceId);
  }

  /** A SERVER span of the batch: its route applies to the trace's exceptions, if any. */
  void serverSpan(String traceId, String route, long nowNanos, Sink sink) {
    Entry e = traces.get(traceId);
    if (e == null) {
      if (!batchTraces.contains(traceId)) {
        return; // the common case: a request without exceptions costs nothing here
      }
      e = add(traceId, nowNanos, sink);
    }
    if (!e.serverSeen) {
      e.serverSeen = true;
      e.route = route;
    }
  }

  /** Releases exceptions held for a trace whose SERVER span is now known. */
  void releaseHeld(String traceId, Sink sink) {
    Entry e = traces.get(traceId);
    if (e != null && e.serverSeen) {
      for (ExceptionRecord r : e.pending) {
        emitOnce(e, r, sink);
      }
      e.pending.clear();
    }
  }

  /** An exception of the batch: written now if its trace's route is known, else held. */
  void exception(ExceptionRecord record, long nowNanos, Sink sink) {
    Entry e = traces.get(record.traceId);
    if (e == null) {
      e = add(record.traceId, nowNanos, sink);
    }
    if (e.serverSeen) {
      emitOnce(e, record, sink);
    } else {
      e.pending.add(record);
    }
  }

  /**
   * Writes what was held too long ({@code all}: everything, at shutdown) and forgets old traces.
   */
  void expire(long nowNanos, boolean all, Sink sink) {
    Iterator<Entry> it = traces.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (!all && nowNanos - e.createdNanos < HOLD_NANOS) {
        break; // insertion order: the rest are younger
      }
      flush(e, sink);
      it.remove();
    }
  }

  int size() {
    return traces.size();
  }

  private Entry add(String traceId, long nowNanos, Sink sink) {
    if (traces.size() >= MAX_TRACES) {
      Iterator<Entry> it = traces.values().iterator();
      flush(it.next(), sink);
      it.remove();
    }
    Entry e = new Entry(nowNanos);
    traces.put(traceId, e);
    return e;
  }

  private static void flush(Entry e, Sink sink) {
    for (ExceptionRecord r : e.pending) {
      emitOnce(e, r, sink);
    }
    e.pending.clear();
  }

  private static void emitOnce(Entry e, ExceptionRecord r, Sink sink) {
    for (ExceptionRecord done : e.emitted) {
      if (done.sameException(r)) {
        return;
      }
    }
    e.emitted.add(r);
    sink.emit(r, e.route);
  }
}
