package io.reqlens.sampler.localtrace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;
import java.util.function.Function;

/**
 * The context storage wrapper that attributes work handed to another thread to the request whose
 * context is current there ({@link ContextHandoff}): when a context whose span belongs to a
 * profiled local trace becomes current on a thread other than the request's own, that thread is
 * added to the request's recording until the returned scope closes.
 *
 * <p>Cost on every {@code makeCurrent} of the application, in the order it is paid:
 *
 * <ol>
 *   <li>the new context's span; none, or the same span as the current context's (a span
 *       re-activated, a context without a span): nothing more;
 *   <li>the current span's trace id against the new one's (the same {@code String} instance for
 *       spans of one process, so usually an identity check): the same trace means a nested
 *       activation on a thread that already holds, or never needs, the request (the outermost
 *       activation decides, as in contrib's inferred-spans {@code ProfilingActivationListener});
 *   <li>one lookup by span id in the processor's map of running spans (the one it keeps anyway); a
 *       span that is not part of a running local trace stops here;
 *   <li>the request's own thread: a thread comparison, nothing more. Only another thread takes the
 *       trace's monitor to count the entry (a map update; the processor holds it for short,
 *       non-blocking work only) and allocates the returned scope.
 * </ol>
 *
 * <p>Never throws into the application: a failure of this class is counted ({@link
 * ContextHandoff#failures()}), logged (throttled), and the context is attached as if the wrapper
 * were not there. Exceptions of the wrapped storage itself pass through unchanged.
 */
final class HandoffStorage implements ContextStorage {

  private final ContextStorage delegate;
  private final Function<String, LocalTrace> runningTraces;

  /**
   * @param runningTraces the local trace a running span (by id) belongs to, else null
   */
  HandoffStorage(ContextStorage delegate, Function<String, LocalTrace> runningTraces) {
    this.delegate = delegate;
    this.runningTraces = runningTraces;
  }

  @Override
  public Scope attach(Context toAttach) {
    LocalTrace trace = null;
    Thread thread = null;
    try {
      Span next = toAttach == null ? null : Span.fromContextOrNull(toAttach);
      if (next != null) {
        Context current = delegate.current();
        Span previous = current == null ? null : Span.fromContextOrNull(current);
        if (next != previous && !sameTrace(previous, next)) {
          thread = Thread.currentThread();
          trace = enter(next, thread);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      ContextHandoff.failed(e);
      trace = null;
    }
    if (trace == null) {
      return delegate.attach(toAttach);
    }
    Scope scope;
    try {
      scope = delegate.attach(toAttach);
    } catch (RuntimeException | Error e) {
      exit(trace, thread); // the wrapped storage failed: undo the entry, pass its failure on
      throw e;
    }
    return new HandoffScope(scope, trace, thread);
  }

  @Override
  public Context current() {
    return delegate.current();
  }

  @Override
  public Context root() {
    return delegate.root();
  }

  /**
   * Whether both spans are of one trace: then {@code next} is nested in an activation of its own
   * request on this thread, which already decided whether the thread works for it.
   */
  private static boolean sameTrace(Span previous, Span next) {
    if (previous == null) {
      return false;
    }
    String a = previous.getSpanContext().getTraceId();
    String b = next.getSpanContext().getTraceId();
    return a == b || a.equals(b);
  }

  /** The running local trace {@code span} belongs to, entered on {@code thread}; else null. */
  private LocalTrace enter(Span span, Thread thread) {
    LocalTrace trace = runningTraces.apply(span.getSpanContext().getSpanId());
    if (trace == null || trace.recording == null || trace.rootThread == thread) {
      return null; // not profiled, or the request's own thread (sampled already)
    }
    synchronized (trace) {
      if (trace.decision() != null) {
        return null; // the request ended: what runs now is not its work any more
      }
      trace.enter(thread);
    }
    return trace;
  }

  private static void exit(LocalTrace trace, Thread thread) {
    try {
      synchronized (trace) {
        trace.exit(thread);
      }
    } catch (RuntimeException | LinkageError e) {
      ContextHandoff.failed(e);
    }
  }

  /** Closes the wrapped scope, then ends the thread's entry in the request. */
  private static final class HandoffScope implements Scope {
    private final Scope scope;
    private final LocalTrace trace;
    private final Thread thread;
    private boolean closed; // a second close must not end the entry twice (same thread: plain)

    HandoffScope(Scope scope, LocalTrace trace, Thread thread) {
      this.scope = scope;
      this.trace = trace;
      this.thread = thread;
    }

    @Override
    public void close() {
      try {
        scope.close();
      } finally {
        if (!closed) {
          closed = true;
          exit(trace, thread);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "HandoffStorage{" + delegate + "}";
  }
}
