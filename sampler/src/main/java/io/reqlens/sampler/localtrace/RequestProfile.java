package io.reqlens.sampler.localtrace;

import static io.reqlens.core.semconv.ReqlensAttributes.DB_COUNT;
import static io.reqlens.core.semconv.ReqlensAttributes.DB_DURATION_NS;
import static io.reqlens.core.semconv.ReqlensAttributes.DB_STATEMENTS;
import static io.reqlens.core.semconv.ReqlensAttributes.N_PLUS_ONE;
import static io.reqlens.core.semconv.ReqlensAttributes.N_PLUS_ONE_CALLER;
import static io.reqlens.core.semconv.ReqlensAttributes.N_PLUS_ONE_COUNT;
import static io.reqlens.core.semconv.ReqlensAttributes.N_PLUS_ONE_STATEMENT;
import static io.reqlens.core.semconv.SemConv.DB_QUERY_TEXT;
import static io.reqlens.core.semconv.SemConv.DB_STATEMENT_OLD;
import static io.reqlens.core.semconv.SemConv.DB_SYSTEM_NAME;
import static io.reqlens.core.semconv.SemConv.DB_SYSTEM_OLD;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-request query profile stamped on a local root: how many database spans the local trace
 * made, their total duration, how many distinct statements, and whether one statement repeated
 * often enough to look like N+1.
 *
 * <p>A database span is a CLIENT span with {@code db.system.name} (stable conventions) or {@code
 * db.system} (older ones); its statement is {@code db.query.text} or {@code db.statement}, which
 * instrumentations sanitize (literals → {@code ?}), so repetitions of one query shape compare
 * equal.
 */
final class RequestProfile {

  /** Up to this many statements are compared pairwise, which allocates nothing. */
  private static final int PAIRWISE_LIMIT = 32;

  private RequestProfile() {}

  static boolean isDatabaseSpan(ReadableSpan span) {
    return span.getKind() == SpanKind.CLIENT
        && (span.getAttribute(DB_SYSTEM_NAME) != null || span.getAttribute(DB_SYSTEM_OLD) != null);
  }

  /** The span's (sanitized) statement text, or null. */
  static String statement(ReadableSpan span) {
    String text = span.getAttribute(DB_QUERY_TEXT);
    return text != null ? text : span.getAttribute(DB_STATEMENT_OLD);
  }

  /**
   * Adds the profile of {@code spans} to {@code out}, with the caller of the N+1 statement when
   * {@code callers} (statement to caller, may be null) knows it.
   */
  static void stamp(
      List<ReadableSpan> spans,
      int nPlusOneThreshold,
      Map<String, String> callers,
      AttributesBuilder out) {
    long count = 0;
    long duration = 0;
    String[] statements = null;
    int withText = 0;
    for (int i = 0; i < spans.size(); i++) {
      ReadableSpan span = spans.get(i);
      if (!isDatabaseSpan(span)) {
        continue;
      }
      count++;
      duration += span.getLatencyNanos();
      String text = statement(span);
      if (text != null) {
        if (statements == null) {
          statements = new String[Math.min(spans.size(), 64)];
        } else if (withText == statements.length) {
          statements = java.util.Arrays.copyOf(statements, statements.length * 2);
        }
        statements[withText++] = text;
      }
    }
    out.put(DB_COUNT, count).put(DB_DURATION_NS, duration);
    if (withText == 0) {
      out.put(DB_STATEMENTS, 0L).put(N_PLUS_ONE, false);
      return;
    }
    String top =
        withText <= PAIRWISE_LIMIT
            ? pairwise(statements, withText, nPlusOneThreshold, out)
            : counted(statements, withText, nPlusOneThreshold, out);
    String caller = top == null || callers == null ? null : callers.get(top);
    if (caller != null) {
      out.put(N_PLUS_ONE_CALLER, caller);
    }
  }

  // Why two paths? Most requests run a handful of queries: comparing them pairwise is cheap and
  // needs no map; a request with hundreds of queries (the N+1 case itself) gets a hash map.
  private static String pairwise(String[] s, int n, int threshold, AttributesBuilder out) {
    long distinct = 0;
    String top = null;
    int topCount = 0;
    for (int i = 0; i < n; i++) {
      boolean seenBefore = false;
      for (int j = 0; j < i; j++) {
        if (s[j].equals(s[i])) {
          seenBefore = true;
          break;
        }
      }
      if (seenBefore) {
        continue;
      }
      distinct++;
      int c = 1;
      for (int j = i + 1; j < n; j++) {
        if (s[j].equals(s[i])) {
          c++;
        }
      }
      if (c > topCount) {
        topCount = c;
        top = s[i];
      }
    }
    return finish(distinct, top, topCount, threshold, out);
  }

  private static String counted(String[] s, int n, int threshold, AttributesBuilder out) {
    Map<String, Integer> counts = new HashMap<>();
    String top = null;
    int topCount = 0;
    for (int i = 0; i < n; i++) {
      int c = counts.merge(s[i], 1, Integer::sum);
      if (c > topCount) {
        topCount = c;
        top = s[i];
      }
    }
    return finish(counts.size(), top, topCount, threshold, out);
  }

  /** Returns the N+1 statement, or null when none reached the threshold. */
  private static String finish(
      long distinct, String top, int topCount, int threshold, AttributesBuilder out) {
    out.put(DB_STATEMENTS, distinct);
    boolean nPlusOne = topCount >= threshold;
    out.put(N_PLUS_ONE, nPlusOne);
    if (nPlusOne) {
      out.put(N_PLUS_ONE_STATEMENT, top).put(N_PLUS_ONE_COUNT, (long) topCount);
      return top;
    }
    return null;
  }
}
