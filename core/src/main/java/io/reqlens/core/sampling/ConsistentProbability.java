package io.reqlens.core.sampling;

import io.opentelemetry.api.trace.TraceState;

/**
 * Consistent probability sampling arithmetic (OTEP 235, "Tracestate probability sampling").
 *
 * <p>A sampling probability {@code p} becomes a 56-bit rejection threshold {@code T = (1 - p) ×
 * 2^56}. A trace is kept when its 56-bit randomness {@code R} (the low 56 bits of the trace id,
 * which W3C Trace Context level 2 makes random) satisfies {@code R >= T}. Because every stage
 * compares the same {@code R} against its own threshold, a downstream stage with a lower
 * probability keeps a subset of what an upstream stage kept, and the threshold written to {@code
 * tracestate} ({@code ot=th:HEX}, trailing zeros removed, {@code th:0} for probability 1) lets
 * anyone re-weight counts by {@code 1 / p}.
 *
 * <p>One owner: the sampler writes thresholds with it, the processor rewrites them, the exporters
 * and readers turn them into {@code sample_rate}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ConsistentProbability {

  /** 2^56: the number of distinct randomness values. */
  public static final long MAX_THRESHOLD = 1L << 56;

  public static final String OT_KEY = "ot";
  private static final long RANDOMNESS_MASK = MAX_THRESHOLD - 1;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ConsistentProbability() {}

  /**
   * Returns the rejection threshold for {@code probability} in [0, 1]. Scaling by a power of two is
   * exact in binary floating point, so only the final rounding loses precision.
   */
  public static long threshold(double probability) {
    return MAX_THRESHOLD - Math.round(probability * 0x1p56);
  }

  /** Returns the probability a threshold stands for. */
  public static double probability(long threshold) {
    return (MAX_THRESHOLD - threshold) / 0x1p56;
  }

  // Why a table? The sampler parses 14 digits per root decision; a lookup has no branches to
  // mispredict on random ids.
  private static final byte[] HEX_VALUE = new byte[128];

  static {
    for (int i = 0; i < 10; i++) {
      HEX_VALUE['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX_VALUE['a' + i] = (byte) (10 + i);
      HEX_VALUE['A' + i] = (byte) (10 + i);
    }
  }

  /**
   * Returns the low 56 bits of a 32-hex-digit trace id, without allocating. The SDK validates trace
   * ids before sampling; a non-hex character reads as 0 rather than throwing.
   */
  public static long randomness(String traceId) {
    long r = 0;
    for (int i = 18; i < 32; i++) {
      r = (r << 4) | HEX_VALUE[traceId.charAt(i) & 0x7f];
    }
    return r & RANDOMNESS_MASK;
  }

  /** Encodes a threshold as OTEP 235 {@code th} hex: 14 digits, trailing zeros removed. */
  public static String encodeThreshold(long threshold) {
    if (threshold < 0 || threshold >= MAX_THRESHOLD) {
      throw new IllegalArgumentException("threshold out of [0, 2^56): " + threshold);
    }
    if (threshold == 0) {
      return "0";
    }
    char[] digits = new char[14];
    for (int i = 13; i >= 0; i--) {
      digits[i] = HEX[(int) (threshold & 0xf)];
      threshold >>>= 4;
    }
    int len = 14;
    while (digits[len - 1] == '0') {
      len--;
    }
    return new String(digits, 0, len);
  }

  /**
   * Parses {@code th} from an {@code ot} tracestate value without allocating; returns -1 when
   * absent or malformed.
   */
  public static long parseThreshold(String otValue) {
    if (otValue == null) {
      return -1;
    }
    int start = 0;
    while (start < otValue.length()) {
      int end = otValue.indexOf(';', start);
      if (end < 0) {
        end = otValue.length();
      }
      if (otValue.startsWith("th:", start)) {
        return parseHex(otValue, start + 3, end);
      }
      start = end + 1;
    }
    return -1;
  }

  /** 1 to 14 lowercase hex digits, right-padded with zeros to 14 (56 bits); else -1. */
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

  /**
   * Returns the probability with which a span carrying {@code traceState} was kept, read from its
   * OTEP 235 threshold ({@code ot=th:HEX}): the ratio's or rule's, the {@code rate=} rule's adapted
   * one, 0 (probability 1) for a tail keep; 1.0 when there is none (a parent without a threshold,
   * another sampler) or it is malformed. Counts re-weighted by its inverse estimate the true number
   * of requests. Allocates nothing.
   */
  public static double sampleRate(TraceState traceState) {
    long threshold = parseThreshold(traceState.get(OT_KEY));
    return threshold < 0 ? 1.0 : probability(threshold);
  }

  /** Returns {@code traceState} with {@code ot} holding {@code th:<threshold>} (others kept). */
  public static TraceState withThreshold(TraceState traceState, String encodedThreshold) {
    String ot = traceState.get(OT_KEY);
    String value = "th:" + encodedThreshold;
    if (ot != null && !ot.isEmpty()) {
      String rest = withoutSubKey(ot, "th");
      if (!rest.isEmpty()) {
        value = value + ";" + rest;
      }
    }
    return traceState.toBuilder().put(OT_KEY, value).build();
  }

  /** Returns {@code traceState} without {@code th} in {@code ot}; other sub-keys are kept. */
  public static TraceState withoutThreshold(TraceState traceState) {
    String ot = traceState.get(OT_KEY);
    if (ot == null || subKey(ot, "th") == null) {
      return traceState;
    }
    String rest = withoutSubKey(ot, "th");
    return rest.isEmpty()
        ? traceState.toBuilder().remove(OT_KEY).build()
        : traceState.toBuilder().put(OT_KEY, rest).build();
  }

  private static String subKey(String ot, String key) {
    int start = 0;
    while (start <= ot.length()) {
      int end = ot.indexOf(';', start);
      if (end < 0) {
        end = ot.length();
      }
      if (end - start > key.length()
          && ot.startsWith(key, start)
          && ot.charAt(start + key.length()) == ':') {
        return ot.substring(start + key.length() + 1, end);
      }
      start = end + 1;
    }
    return null;
  }

  private static String withoutSubKey(String ot, String key) {
    StringBuilder out = new StringBuilder(ot.length());
    for (String part : ot.split(";", -1)) {
      if (part.isEmpty() || part.startsWith(key + ":")) {
        continue;
      }
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(part);
    }
    return out.toString();
  }
}
