package io.reqlens.sampler.localtrace;

import java.util.Arrays;
import java.util.Map;

/**
 * The running spans of every profiling {@link LocalTraceProcessor} in this class loader, for the
 * context storage wrapper ({@link HandoffStorage}), which is one per storage while processors come
 * and go. Each processor registers the map of running spans it keeps anyway (span id to local
 * trace), so the wrapper's lookup is that map's: nothing is added per span.
 *
 * <p>Why an array re-published on change? Reads are on every {@code makeCurrent} of the
 * application, changes happen when an SDK is built or shut down: one volatile read and, with the
 * usual single SDK, one map lookup.
 */
final class RunningTraces {

  private static final Map<?, ?>[] NONE = new Map<?, ?>[0];
  private static volatile Map<?, ?>[] maps = NONE;

  private RunningTraces() {}

  static synchronized void register(Map<String, LocalTrace> bySpanId) {
    Map<?, ?>[] next = Arrays.copyOf(maps, maps.length + 1);
    next[maps.length] = bySpanId;
    maps = next;
  }

  static synchronized void unregister(Map<String, LocalTrace> bySpanId) {
    Map<?, ?>[] current = maps;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == bySpanId) {
        Map<?, ?>[] next = new Map<?, ?>[current.length - 1];
        System.arraycopy(current, 0, next, 0, i);
        System.arraycopy(current, i + 1, next, i, current.length - i - 1);
        maps = next;
        return;
      }
    }
  }

  /** The running local trace {@code spanId} belongs to, or null. */
  static LocalTrace find(String spanId) {
    Map<?, ?>[] current = maps;
    for (int i = 0; i < current.length; i++) {
      Object trace = current[i].get(spanId);
      if (trace != null) {
        return (LocalTrace) trace;
      }
    }
    return null;
  }

  /** Whether {@code bySpanId} is registered (tests). */
  static boolean isRegistered(Map<String, LocalTrace> bySpanId) {
    for (Map<?, ?> map : maps) {
      if (map == bySpanId) {
        return true;
      }
    }
    return false;
  }
}
