package io.reqlens.sampler.localtrace;

import static io.reqlens.core.semconv.ReqlensAttributes.KEPT_BY;
import static io.reqlens.core.semconv.SemConv.HTTP_RESPONSE_STATUS_CODE;
import static io.reqlens.core.semconv.SemConv.HTTP_ROUTE;
import static io.reqlens.core.semconv.SemConv.URL_PATH;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.profiler.CallerFrames;
import io.reqlens.profiler.Profile;
import io.reqlens.profiler.RequestProfiler;
import io.reqlens.sampler.ReqlensSamplerBuilder;
import io.reqlens.sampler.localtrace.LocalTrace.Decision;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides for each local trace as a whole when its local root ends, in front of the exporting
 * processors, so every exporter receives the same kept set.
 *
 * <p>A <em>local trace</em> is a local root (a span with no parent or a remote parent: usually the
 * SERVER span of a request) with all its descendants created in this process. When the root ends,
 * its {@code http.route}, status and duration are known, and the processor:
 *
 * <ol>
 *   <li>drops the whole local trace when the root is a SERVER span whose {@code http.route} or
 *       {@code url.path} matches an excluded route, children included;
 *   <li>keeps it when the head sampler sampled it (reason {@code ratio}, {@code rule} or {@code
 *       parent}, as the {@code reqlens} sampler stamped it, else {@code sampler});
 *   <li>otherwise (recorded but not sampled, see {@link ReqlensSamplerBuilder#setRecordUnsampled})
 *       keeps it when a span has error status or the SERVER root answered 5xx ({@code error}), or
 *       the root took longer than the slowness threshold ({@code slow}); else drops it ({@code
 *       ratio});
 *   <li>counts a root the {@code reqlens} sampler chose by ratio or rule that also qualifies for
 *       such a tail keep as {@code error} or {@code slow}, since it would have been kept anyway;
 *   <li>exports a tail-kept local trace (every span, late ones included) with {@code ot=th:0} in
 *       its tracestate: its inclusion probability is 1, so {@code sample_rate} is 1.0 and any
 *       backend that re-weights by {@code th} counts it once;
 *   <li>stamps the request's query profile and {@code reqlens.kept_by} on the root and redacts
 *       sensitive query parameter values in {@code url.query} and {@code url.full} of every span;
 *   <li>keeps the code profile of a kept request (stack samples, hot frames, the caller of an N+1
 *       statement: {@link CodeProfiling}) and frees that of a dropped one.
 * </ol>
 *
 * <p>Bounded and non-blocking: at most {@code maxBufferedTraces} undecided local traces and {@code
 * maxBufferedSpans} buffered spans; past either, the oldest local trace is decided early with what
 * is known (counted as {@code overflow} when dropped). Spans ending after their root was decided
 * are passed on according to that decision and counted as late. No method throws into the caller.
 */
public final class LocalTraceProcessor implements SpanProcessor {

  private static final Logger logger = Logger.getLogger(LocalTraceProcessor.class.getName());
  private static final ReadableSpan[] NONE = new ReadableSpan[0];
  private static final Map<String, Decision> HEAD = new ConcurrentHashMap<>();

  private final SpanProcessor downstream;
  private final Forwarder forwarder;
  private final RouteList excludedRoutes;
  private final boolean keepErrors;
  private final long keepSlowerThanNanos; // <= 0: off
  private final int maxTraces;
  private final int maxSpans;
  private final ProcessorStats stats;
  private final CodeProfiling code; // null when the profiler is off
  private final boolean contextHandoff; // its running spans are registered for ContextHandoff
  private final String description;

  // Why a map by span id? A child's onStart sees only its parent's SpanContext; the id leads to
  // the local trace without walking parents. Entries live from a span's start to its end.
  private final Map<String, LocalTrace> bySpanId = new ConcurrentHashMap<>();
  // Start order, for early decisions on overflow; decided traces are skipped lazily.
  private final ConcurrentLinkedQueue<LocalTrace> byAge = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger undecided = new AtomicInteger();
  private final AtomicInteger buffered = new AtomicInteger();
  private final AtomicBoolean shutdown = new AtomicBoolean();

  LocalTraceProcessor(LocalTraceProcessorBuilder b) {
    this.downstream = b.downstream;
    this.forwarder = new Forwarder(b.downstream, b.redactor, b.nPlusOneThreshold);
    this.excludedRoutes = b.excludedRoutes;
    this.keepErrors = b.keepErrors;
    this.keepSlowerThanNanos = b.keepSlowerThan == null ? 0 : b.keepSlowerThan.toNanos();
    this.maxTraces = b.maxBufferedTraces;
    this.maxSpans = b.maxBufferedSpans;
    RequestProfiler profiler = b.buildProfiler();
    this.code =
        profiler == null
            ? null
            : new CodeProfiling(profiler, CallerFrames.defaults(), b.nPlusOneThreshold);
    // Work handed to other threads: by context where the storage could be wrapped (then this
    // processor's running spans are what the wrapper looks up), else by child spans only.
    this.contextHandoff = code != null && ContextHandoff.activate();
    if (contextHandoff) {
      RunningTraces.register(bySpanId);
    }
    this.stats =
        new ProcessorStats(
            b.meterProvider,
            b.clock,
            "maxBufferedTraces=" + maxTraces + ", maxBufferedSpans=" + maxSpans,
            profiler);
    this.description =
        "LocalTraceProcessor{excludeRoutes="
            + excludedRoutes
            + ", keepErrors="
            + keepErrors
            + ", keepSlowerThan="
            + (b.keepSlowerThan == null ? "off" : b.keepSlowerThan)
            + ", nPlusOneThreshold="
            + b.nPlusOneThreshold
            + ", redactQueryParams="
            + b.redactor
            + ", maxBufferedTraces="
            + maxTraces
            + ", maxBufferedSpans="
            + maxSpans
            + ", profiler="
            + (code == null ? "off" : code)
            + ", downstream="
            + downstream
            + "}";
  }

  /** Returns a builder for a processor in front of {@code downstream} (the exporting processor). */
  public static LocalTraceProcessorBuilder builder(SpanProcessor downstream) {
    return new LocalTraceProcessorBuilder(downstream);
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    try {
      SpanContext parent = span.getParentSpanContext();
      LocalTrace trace;
      if (!parent.isValid() || parent.isRemote()) {
        trace = code == null ? new LocalTrace(span) : code.rootStarted(span);
        byAge.add(trace);
        if (queued.incrementAndGet() > 2 * maxTraces) {
          pruneDecided();
        }
        if (undecided.incrementAndGet() > maxTraces) {
          decideOldestEarly();
        }
      } else {
        trace = bySpanId.get(parent.getSpanId());
        if (trace != null && code != null) {
          code.childStarted(trace, span.getSpanContext().getSpanId());
        }
      }
      if (trace != null) {
        bySpanId.put(span.getSpanContext().getSpanId(), trace);
      }
      if (downstream.isStartRequired()) {
        downstream.onStart(parentContext, span);
      }
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Reqlens local-trace processor failed on start", e);
    }
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    try {
      end(span);
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Reqlens local-trace processor failed on end", e);
    }
  }

  private void end(ReadableSpan span) {
    LocalTrace trace = bySpanId.remove(span.getSpanContext().getSpanId());
    if (trace == null) {
      // Started before this processor, or under a parent that had already ended.
      stats.late();
      if (span.getSpanContext().isSampled()) {
        forwarder.forward(span, null, false);
      }
      return;
    }
    ReadableSpan[] toForward = null;
    Decision decision;
    boolean late = false;
    boolean database = code != null && RequestProfile.isDatabaseSpan(span); // read before locking
    String findCaller = null;
    synchronized (trace) {
      decision = trace.decision();
      if (decision != null) {
        late = true;
      } else {
        trace.add(span);
        buffered.incrementAndGet();
        if (code != null) {
          findCaller = code.spanEnded(trace, span, database);
        }
        if (trace.isRoot(span)) {
          decision = decide(trace, false);
          toForward = release(trace, decision);
        }
      }
    }
    if (findCaller != null) {
      code.findCaller(trace, findCaller); // here: on the thread that ran the statement
    }
    if (late) {
      stats.late();
      if (decision.keep) {
        forwarder.forward(span, decision, !trace.root.getSpanContext().isSampled());
      }
    } else if (decision == null) {
      if (buffered.get() > maxSpans) {
        decideOldestEarly();
      }
    } else {
      Profile profile = code == null ? null : code.decided(trace, decision.keep);
      forwarder.forwardAll(toForward, trace, decision, profile);
    }
  }

  /** Called under the trace's lock: records the decision, returns the spans to forward. */
  private ReadableSpan[] release(LocalTrace trace, Decision decision) {
    trace.decide(decision);
    undecided.decrementAndGet();
    buffered.addAndGet(-trace.size());
    ReadableSpan[] spans = trace.drain();
    if (decision.keep) {
      stats.kept(decision.reason);
      return spans;
    }
    stats.dropped(decision.reason);
    return NONE;
  }

  private Decision decide(LocalTrace trace, boolean early) {
    ReadableSpan root = trace.root;
    if (root.getKind() == SpanKind.SERVER
        && !excludedRoutes.isEmpty()
        && (excludedRoutes.matches(root.getAttribute(HTTP_ROUTE))
            || excludedRoutes.matches(root.getAttribute(URL_PATH)))) {
      return Decision.DROP_EXCLUDED;
    }
    if (root.getSpanContext().isSampled()) {
      String by = root.getAttribute(KEPT_BY);
      if (decidedHere(by, root)) {
        // Chosen by the ratio or a rule and qualifying for a tail keep as well: it would have been
        // kept whatever the ratio said, so its inclusion probability is 1, not the ratio's.
        Decision tail = tailKeep(trace, early);
        if (tail != null) {
          return tail;
        }
      }
      return headDecision(by == null ? "sampler" : by);
    }
    Decision tail = tailKeep(trace, early);
    if (tail != null) {
      return tail;
    }
    return early ? Decision.DROP_OVERFLOW : Decision.DROP_RATIO;
  }

  /** A tail keep ({@code error}, then {@code slow}) if the local trace qualifies, else null. */
  private Decision tailKeep(LocalTrace trace, boolean early) {
    if (keepErrors && hasError(trace)) {
      return Decision.KEEP_ERROR;
    }
    if (!early && keepSlowerThanNanos > 0 && trace.root.getLatencyNanos() > keepSlowerThanNanos) {
      return Decision.KEEP_SLOW;
    }
    return null;
  }

  /**
   * Whether the {@code reqlens} sampler chose this root itself (ratio or rule, no parent). Only
   * then would an unchosen twin have been recorded and tail-kept: a trace that followed a parent,
   * or another sampler's choice, keeps its probability (an unsampled parent's errors never reach
   * this processor).
   */
  private boolean decidedHere(String keptBy, ReadableSpan root) {
    return (keepErrors || keepSlowerThanNanos > 0)
        && ("ratio".equals(keptBy) || "rule".equals(keptBy))
        && !root.getParentSpanContext().isValid();
  }

  private static Decision headDecision(String reason) {
    Decision d = HEAD.get(reason);
    return d != null ? d : HEAD.computeIfAbsent(reason, r -> new Decision(true, r, false));
  }

  private static boolean hasError(LocalTrace trace) {
    if (trace.root.hasEnded() && trace.root.getKind() == SpanKind.SERVER) {
      Long status = trace.root.getAttribute(HTTP_RESPONSE_STATUS_CODE);
      if (status != null && status >= 500) {
        return true;
      }
    }
    for (ReadableSpan s : trace.spans()) {
      // Status is only exposed through the snapshot; this path runs for unsampled traces only.
      if (s.toSpanData().getStatus().getStatusCode() == StatusCode.ERROR) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why prune in bulk? Removing each trace from the queue when it is decided would scan from the
   * head every time; instead decided traces stay until the queue holds twice the trace limit, and
   * one pass unlinks them all, which keeps the cost per request constant. The count is re-read
   * during the pass, so concurrent passes only make it approximate, never wrong for long.
   */
  private void pruneDecided() {
    int remaining = 0;
    for (Iterator<LocalTrace> it = byAge.iterator(); it.hasNext(); ) {
      LocalTrace trace = it.next();
      boolean decided;
      synchronized (trace) {
        decided = trace.decision() != null;
      }
      if (decided) {
        it.remove();
      } else {
        remaining++;
      }
    }
    queued.set(remaining);
  }

  /**
   * Decides the oldest undecided local trace now, with what is known so far. The trace's own lock
   * makes the decision exclusive; unlinking from the queue is only housekeeping.
   */
  private void decideOldestEarly() {
    for (Iterator<LocalTrace> it = byAge.iterator(); it.hasNext(); ) {
      LocalTrace trace = it.next();
      ReadableSpan[] toForward;
      Decision decision;
      synchronized (trace) {
        if (trace.decision() != null) {
          it.remove(); // decided normally; it was only waiting here to be skipped
          continue;
        }
        decision = decide(trace, true);
        toForward = release(trace, decision);
      }
      it.remove();
      if (code != null) {
        code.decided(trace, false); // decided before its root ended: the request runs on unprofiled
      }
      forwarder.forwardEarly(toForward, trace, decision);
      return;
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode forceFlush() {
    return downstream.forceFlush();
  }

  /** Decides every pending local trace with what is known, then shuts the downstream down. */
  @Override
  public CompletableResultCode shutdown() {
    if (!shutdown.compareAndSet(false, true)) {
      return CompletableResultCode.ofSuccess();
    }
    while (undecided.get() > 0 && !byAge.isEmpty()) {
      decideOldestEarly();
    }
    stats.close();
    if (contextHandoff) {
      RunningTraces.unregister(bySpanId);
    }
    if (code != null) {
      code.shutdown();
    }
    return downstream.shutdown();
  }

  ProcessorStats stats() {
    return stats;
  }

  /** The running local trace {@code spanId} belongs to, or null (tests). */
  LocalTrace traceOf(String spanId) {
    return bySpanId.get(spanId);
  }

  /** Whether the context storage wrapper looks up this processor's running spans (tests). */
  boolean attributesByContext() {
    return contextHandoff && RunningTraces.isRegistered(bySpanId);
  }

  /** Prints the full effective configuration. */
  @Override
  public String toString() {
    return description;
  }
}
