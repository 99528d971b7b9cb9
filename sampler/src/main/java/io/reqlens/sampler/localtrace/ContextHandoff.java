package io.reqlens.sampler.localtrace;

import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.sdk.common.Clock;
import io.reqlens.core.log.ThrottledLogger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attributes work handed to another thread to the request whose context is current there, for the
 * request profiler ({@code OTEL_REQLENS_PROFILER}): a {@link ContextStorage} wrapper sees every
 * {@code makeCurrent} on every thread, including the context an executor propagates without
 * starting a span, and adds that thread to the request's recording until the scope closes.
 *
 * <p>The wrapper takes effect only if it is added before the storage is first used: {@link
 * ContextStorage#addWrapper} ignores it afterwards. {@link #install()} adds it and builds the
 * storage at once, so whether it took effect is known when it returns ({@link #isInstalled()}): the
 * wrapper's factory runs exactly when the storage is built. When it did not (something used {@code
 * Context} first), the processor's own hook remains: a thread counts for the request while a child
 * span of it runs there. Both may run together; a thread is counted once (see {@code
 * LocalTrace.enter}).
 *
 * <p>Where it is installed: with SDK autoconfigure and under the Java agent, from a properties
 * customizer of the Reqlens customizer provider (the earliest point an extension gets control;
 * under the agent an extension's {@code io.opentelemetry.context} is the agent's own copy, so the
 * agent's storage, which its instrumentation and the application's bridged API attach to, is the
 * one wrapped); otherwise when the first local-trace processor with the profiler on is built. An
 * application that builds its SDK by hand, late, can call {@link #install()} first thing in {@code
 * main}. With the profiler off nothing is installed.
 *
 * <p>Design and the research behind the timing: {@code profiler/DESIGN.md}, "hook 2".
 */
public final class ContextHandoff {

  private static final Logger logger = Logger.getLogger(ContextHandoff.class.getName());
  private static final ThrottledLogger failureLog = new ThrottledLogger(logger, Clock.getDefault());
  private static final AtomicLong failures = new AtomicLong();
  private static final AtomicBoolean stateLogged = new AtomicBoolean();

  private static boolean attempted; // guarded by the class
  private static volatile boolean installed; // the factory ran: the storage in use is wrapped

  private ContextHandoff() {}

  /**
   * Adds the wrapper to {@link ContextStorage} and builds the storage, once per class loader;
   * returns whether the storage in use is wrapped (false when it had been built before). Never
   * throws.
   */
  public static synchronized boolean install() {
    if (!attempted) {
      attempted = true;
      try {
        ContextStorage.addWrapper(ContextHandoff::installed);
        ContextStorage.get(); // builds it now if nobody did: the wrapper applies, or never will
      } catch (RuntimeException | LinkageError e) {
        logger.log(Level.FINE, "Reqlens could not wrap the context storage", e);
      }
    }
    return installed;
  }

  /** Whether the storage in use is wrapped: work handed to other threads is attributed. */
  public static boolean isInstalled() {
    return installed;
  }

  /**
   * {@code storage} wrapped as {@link #install()} wraps the one in use, attributing to the running
   * requests of every profiling processor: for storages composed by hand, and for benchmarks.
   */
  public static ContextStorage wrap(ContextStorage storage) {
    return new HandoffStorage(storage, RunningTraces::find);
  }

  /** Failures of the wrapper so far (each left the context attached as without it). */
  public static long failures() {
    return failures.get();
  }

  private static ContextStorage installed(ContextStorage storage) {
    ContextStorage wrapped = wrap(storage);
    installed = true;
    return wrapped;
  }

  /**
   * For a processor with the profiler on: installs if nobody did, logs once per class loader which
   * hook attributes work on other threads, and returns whether the wrapper is in use.
   */
  static boolean activate() {
    boolean wrapped = install();
    if (stateLogged.compareAndSet(false, true)) {
      logger.log(
          Level.INFO,
          wrapped
              ? "Reqlens profiler: work handed to another thread counts for the request while the"
                  + " request's context is current there (context storage wrapper)"
              : "Reqlens profiler: the context storage was in use before Reqlens could wrap it;"
                  + " work handed to another thread counts for the request only while a child span"
                  + " of it runs there (span hook)");
    }
    return wrapped;
  }

  static void failed(Throwable t) {
    failures.incrementAndGet();
    failureLog.warn(
        "Reqlens context hand-off failed; the context was attached without it (counted)", t);
  }
}
