package io.reqlens.report.internal.analysis;

import io.reqlens.report.internal.input.Event;
import io.reqlens.report.internal.input.EventSink;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups events into {@link Request}s by trace id within a bounded window.
 *
 * <p>The writer emits the children of a request ({@code DB}, {@code FN}, {@code REQ_META}) before
 * its {@code REQ}, usually but not always adjacent, and an exception of the server span itself
 * right after it. So children wait in {@code open} until their {@code REQ} arrives, and a finished
 * request waits {@link #DELAY} more requests in {@code done} for late children before it is handed
 * on. Both are bounded: when {@code open} is full its oldest trace is dropped and its events
 * counted as orphans, as are children whose request never came.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class RequestAssembler implements EventSink {

  /** Traces with children but no {@code REQ} yet, at most. */
  static final int MAX_OPEN = 20_000;

  /** Requests held back for late children. */
  static final int DELAY = 64;

  private final Map<String, Request> open = new LinkedHashMap<>();
  private final ArrayDeque<Request> done = new ArrayDeque<>();
  private final Consumer<Request> next;
  private long orphanEvents;
  private long orphanQueries;
  private long fnEvents;

  public RequestAssembler(Consumer<Request> next) {
    this.next = next;
  }

  @Override
  public void accept(Event e) {
    Request r = open.get(e.traceId);
    switch (e.kind) {
      case REQ:
        if (r == null || r.hasReq) {
          // A second server span of one trace (two services in one folder) is its own request.
          r = new Request(e.traceId);
        } else {
          open.remove(e.traceId);
        }
        r.setReq(e);
        done.addLast(r);
        open.put(e.traceId, r);
        if (done.size() > DELAY) {
          release(done.removeFirst());
        }
        return;
      case DB:
        child(r, e).addDb(e);
        return;
      case REQ_META:
        child(r, e).addFailure(e);
        return;
      case FN:
        fnEvents++;
        return;
      case PROF:
        // Written right after its REQ, so its request is at hand. Never opened for a PROF alone:
        // a trace's stacks wait only where its REQ does (bounded by DELAY), not among open ones.
        if (r != null) {
          r.setProfile(e);
        } else {
          orphanEvents++;
        }
        return;
      default:
        throw new AssertionError(e.kind);
    }
  }

  /** Hands on every held request; counts children left without one. Call once, at the end. */
  public void finish() {
    while (!done.isEmpty()) {
      release(done.removeFirst());
    }
    for (Request r : open.values()) {
      orphan(r);
    }
    open.clear();
  }

  /**
   * Hands on every held request but keeps the children still waiting for their {@code REQ}: for a
   * reader that follows growing files and has read all there is for now ({@code reqlens serve}).
   * The writer puts a request's late children in the same write as its {@code REQ}, so nothing is
   * left to wait for once every complete line has been read.
   */
  public void flush() {
    while (!done.isEmpty()) {
      release(done.removeFirst());
    }
  }

  /** DB, REQ_META and PROF events whose {@code REQ} was not found nearby. */
  public long orphanEvents() {
    return orphanEvents;
  }

  /**
   * DB events outside any request: start-up statements (schema, seed data), background jobs, or
   * queries whose request was not kept or is not in the input.
   */
  public long orphanQueries() {
    return orphanQueries;
  }

  private void orphan(Request r) {
    orphanEvents += r.dbEvents + r.failures().size();
    orphanQueries += r.dbEvents;
  }

  /** FN events read (counted; the report has no function section yet). */
  public long fnEvents() {
    return fnEvents;
  }

  private Request child(Request r, Event e) {
    if (r != null) {
      return r;
    }
    if (open.size() >= MAX_OPEN) {
      evictOldestOpen();
    }
    r = new Request(e.traceId);
    open.put(e.traceId, r);
    return r;
  }

  private void evictOldestOpen() {
    Iterator<Request> it = open.values().iterator();
    while (it.hasNext()) {
      Request oldest = it.next();
      if (!oldest.hasReq) {
        it.remove();
        orphan(oldest);
        return;
      }
    }
  }

  private void release(Request r) {
    // Only forget the trace if a newer REQ of the same trace has not replaced it.
    if (open.get(r.traceId) == r) {
      open.remove(r.traceId);
    }
    next.accept(r);
  }
}
