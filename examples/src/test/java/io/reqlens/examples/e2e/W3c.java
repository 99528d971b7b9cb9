package io.reqlens.examples.e2e;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * W3C Trace Context ids and OTEP 235 arithmetic, computed here independently of the production
 * sampler (BigDecimal instead of its double/long code), so the tests check it rather than repeat
 * it.
 */
final class W3c {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigInteger TWO_TO_56 = BigInteger.ONE.shiftLeft(56);

  private W3c() {}

  static String randomTraceId() {
    return randomHex(16);
  }

  static String randomSpanId() {
    return randomHex(8);
  }

  /**
   * A random trace id whose 56-bit randomness is below {@code limit}, i.e. one a ratio sampler with
   * that threshold would drop.
   */
  static String traceIdWithRandomnessBelow(long limit) {
    long r = Math.floorMod(RANDOM.nextLong(), limit);
    return randomHex(9) + String.format("%014x", r); // 18 + 14 hex digits
  }

  /** A {@code traceparent} header value, sampled or not. */
  static String traceparent(String traceId, String spanId, boolean sampled) {
    return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
  }

  /** The trace's 56-bit randomness: its last 14 hex digits. */
  static long randomness(String traceId) {
    return Long.parseUnsignedLong(traceId.substring(18), 16);
  }

  /** OTEP 235 rejection threshold for a decimal probability: 2^56 − round(p × 2^56). */
  static long threshold(String probability) {
    BigInteger kept =
        new BigDecimal(probability)
            .multiply(new BigDecimal(TWO_TO_56))
            .setScale(0, RoundingMode.HALF_UP)
            .toBigIntegerExact();
    return TWO_TO_56.subtract(kept).longValueExact();
  }

  /** The {@code th} value: 14 hex digits without trailing zeros, {@code 0} for threshold 0. */
  static String th(long threshold) {
    String digits = String.format("%014x", threshold).replaceFirst("0+$", "");
    return digits.isEmpty() ? "0" : digits;
  }

  /** Parses a {@code th} value: up to 14 hex digits, right-padded with zeros to 56 bits. */
  static long parseTh(String th) {
    StringBuilder digits = new StringBuilder(th);
    while (digits.length() < 14) {
      digits.append('0');
    }
    return Long.parseUnsignedLong(digits.toString(), 16);
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    do {
      RANDOM.nextBytes(b);
    } while (new BigInteger(1, b).signum() == 0); // all-zero ids are invalid
    return HexFormat.of().formatHex(b);
  }
}
