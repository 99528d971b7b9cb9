package io.reqlens.sampler.internal;

import io.opentelemetry.api.trace.TraceState;

/**
 * Reads the OTEP 235 sampling threshold ({@code ot=th:HEX} in tracestate) back as the probability
 * with which a span was kept, for exporters that write {@code sample_rate}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class SampleRates {

  private static final double TWO_TO_56 = 0x1p56;

  private SampleRates() {}

  /**
   * Returns the probability the span's {@code ot=th:} threshold stands for, or 1.0 when the
   * tracestate holds no threshold or a malformed one (a span without a threshold was kept by a
   * rule, an error, slowness or a sampler that does not write one).
   */
  public static double fromTraceState(TraceState traceState) {
    String ot = traceState.get("ot");
    if (ot == null) {
      return 1.0;
    }
    long threshold = threshold(ot);
    return threshold < 0 ? 1.0 : ((1L << 56) - threshold) / TWO_TO_56;
  }

  /** Parses {@code th} from an {@code ot} value; -1 when absent or malformed. */
  static long threshold(String ot) {
    int start = 0;
    while (start < ot.length()) {
      int end = ot.indexOf(';', start);
      if (end < 0) {
        end = ot.length();
      }
      if (ot.startsWith("th:", start)) {
        return parseHex(ot, start + 3, end);
      }
      start = end + 1;
    }
    return -1;
  }

  private static long parseHex(String s, int from, int to) {
    int len = to - from;
    if (len < 1 || len > 14) {
      return -1;
    }
    long t = 0;
    for (int i = 0; i < 14; i++) {
      int d = 0;
      if (i < len) {
        char c = s.charAt(from + i);
        if (c >= '0' && c <= '9') {
          d = c - '0';
        } else if (c >= 'a' && c <= 'f') {
          d = c - 'a' + 10;
        } else {
          return -1;
        }
      }
      t = (t << 4) | d;
    }
    return t;
  }
}
