package io.reqlens.report.internal.analysis;

import io.reqlens.core.event.EventKind;
import io.reqlens.report.internal.input.Event;

/** Builds events for the aggregator tests. */
final class Events {

  private Events() {}

  static Event req(String trace, String method, String route, long tsNs, long durMs, int status) {
    Event e = blank(EventKind.REQ, trace, tsNs);
    e.spanId = "s-" + trace;
    e.method = method;
    e.route = route;
    e.path = route;
    e.status = status;
    e.durNs = durMs * 1_000_000L;
    e.error = status >= 500;
    return e;
  }

  static Event db(String trace, String query, long durMs) {
    Event e = blank(EventKind.DB, trace, 0);
    e.parentSpanId = "s-" + trace;
    e.dbSystem = "h2";
    e.query = query;
    e.durNs = durMs * 1_000_000L;
    return e;
  }

  static Event meta(String trace, String type, String message) {
    Event e = blank(EventKind.REQ_META, trace, 0);
    e.exceptionType = type;
    e.exceptionValue = message;
    e.traceback = type + ": " + message + "\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)";
    return e;
  }

  static Event prof(String trace, long samples, String... stacks) {
    Event e = blank(EventKind.PROF, trace, 0);
    e.intervalNs = 10_000_000L;
    e.samples = samples;
    java.util.Collections.addAll(e.stacks, stacks);
    return e;
  }

  private static Event blank(EventKind kind, String trace, long tsNs) {
    Event e = new Event();
    e.kind = kind;
    e.version = 1;
    e.tsNs = tsNs;
    e.traceId = trace;
    e.service = "svc";
    e.sampleRate = 1.0;
    e.status = Event.NONE;
    e.bytesIn = Event.NONE;
    e.bytesOut = Event.NONE;
    e.dbCount = Event.NONE;
    e.dbDurNs = Event.NONE;
    e.rows = Event.NONE;
    return e;
  }
}
