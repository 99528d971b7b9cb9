package io.reqlens.sampler.localtrace;

import io.opentelemetry.sdk.trace.ReadableSpan;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The spans of one local trace (a local root and its in-process descendants) buffered until the
 * root ends. Guarded by its own monitor; the processor holds it only for short, non-blocking work.
 */
final class LocalTrace {

  /** The decision once made; {@code null} while the root runs. */
  static final class Decision {
    static final Decision DROP_RATIO = new Decision(false, "ratio", false);
    static final Decision DROP_EXCLUDED = new Decision(false, "excluded", false);
    static final Decision DROP_OVERFLOW = new Decision(false, "overflow", false);
    static final Decision KEEP_ERROR = new Decision(true, "error", true);
    static final Decision KEEP_SLOW = new Decision(true, "slow", true);

    final boolean keep;
    final String reason;

    /**
     * Kept with probability 1 (a tail keep): exported spans carry {@code th:0}, whatever threshold
     * the head wrote, so {@code sample_rate} is 1.0 and re-weighting counts it once.
     */
    final boolean certain;

    Decision(boolean keep, String reason, boolean certain) {
      this.keep = keep;
      this.reason = reason;
      this.certain = certain;
    }

    @Override
    public String toString() {
      return (keep ? "keep:" : "drop:") + reason;
    }
  }

  final ReadableSpan root;
  private ReadableSpan[] ended = new ReadableSpan[8];
  private int size;
  private Decision decision;

  LocalTrace(ReadableSpan root) {
    this.root = root;
  }

  boolean isRoot(ReadableSpan span) {
    return span == root
        || span.getSpanContext().getSpanId().equals(root.getSpanContext().getSpanId());
  }

  void add(ReadableSpan span) {
    if (size == ended.length) {
      ended = Arrays.copyOf(ended, size * 2);
    }
    ended[size++] = span;
  }

  int size() {
    return size;
  }

  /** The buffered spans in end order, as a view (no copy). */
  List<ReadableSpan> spans() {
    return new AbstractList<ReadableSpan>() {
      @Override
      public ReadableSpan get(int index) {
        return ended[index];
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Hands the buffered spans over and forgets them. */
  ReadableSpan[] drain() {
    ReadableSpan[] out = Arrays.copyOf(ended, size);
    ended = null;
    size = 0;
    return out;
  }

  Decision decision() {
    return decision;
  }

  void decide(Decision decision) {
    this.decision = decision;
  }
}
