package io.reqlens.core.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The one duration grammar of every Reqlens key and command-line option: one or more {@code NUMBER
 * UNIT} parts ({@code 250ms}, {@code 1.5s}, {@code 1m30s}, {@code 1h}, {@code 2d}), units {@code
 * ns, us (or µs), ms, s, m, h, d, w}; a bare number means milliseconds, as for the SDK's own {@code
 * OTEL_*} duration keys ({@code OTEL_BSP_SCHEDULE_DELAY=5000}).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Durations {

  /** What an error message says is accepted. */
  public static final String ACCEPTED =
      "a number with a unit ns, us, ms, s, m, h, d or w, or several of them (1m30s); a bare number"
          + " means milliseconds; e.g. 250ms, 2s, 1m30s, 1h";

  private Durations() {}

  /**
   * Parses {@code text} into nanoseconds (zero or more).
   *
   * @throws IllegalArgumentException naming what is wrong and what is accepted
   */
  public static long parseNanos(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty; accepted: " + ACCEPTED);
    }
    double total = 0;
    int at = 0;
    while (at < s.length()) {
      int numberStart = at;
      while (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) {
        at++;
      }
      if (at == numberStart) {
        throw notADuration();
      }
      double amount;
      try {
        amount = Double.parseDouble(s.substring(numberStart, at));
      } catch (NumberFormatException e) {
        throw notADuration();
      }
      int unitStart = at;
      while (at < s.length() && !Character.isDigit(s.charAt(at))) {
        at++;
      }
      String unit = s.substring(unitStart, at).trim();
      if (unit.isEmpty()) {
        if (numberStart != 0 || at != s.length()) {
          throw notADuration(); // a bare number only on its own: "1m30" is ambiguous
        }
        unit = "ms";
      }
      total += amount * unitNanos(unit);
    }
    if (total >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("too long; accepted: " + ACCEPTED);
    }
    return Math.round(total);
  }

  /** Parses {@code text} into a {@link Duration}; see {@link #parseNanos}. */
  public static Duration parse(String text) {
    return Duration.ofNanos(parseNanos(text));
  }

  /**
   * Formats a duration in this grammar, the shortest exact way ({@code 250ms}, {@code 1m30s},
   * {@code 0ms}), so a description printed from settings can be pasted back as a value.
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0ms";
    }
    StringBuilder out = new StringBuilder();
    long[] sizes = {
      86_400_000_000_000L,
      3_600_000_000_000L,
      60_000_000_000L,
      1_000_000_000L,
      1_000_000L,
      1_000L,
      1L
    };
    String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
    for (int i = 0; i < sizes.length; i++) {
      if (nanos >= sizes[i]) {
        out.append(nanos / sizes[i]).append(units[i]);
        nanos %= sizes[i];
      }
    }
    return out.toString();
  }

  private static IllegalArgumentException notADuration() {
    return new IllegalArgumentException("not a duration; accepted: " + ACCEPTED);
  }

  private static double unitNanos(String unit) {
    switch (unit) {
      case "ns":
        return 1;
      case "us":
      case "µs":
        return 1e3;
      case "ms":
        return 1e6;
      case "s":
        return 1e9;
      case "m":
        return 60e9;
      case "h":
        return 3600e9;
      case "d":
        return 86400e9;
      case "w":
        return 7 * 86400e9;
      default:
        throw new IllegalArgumentException("unknown unit '" + unit + "'; accepted: " + ACCEPTED);
    }
  }
}
