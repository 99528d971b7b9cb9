package io.reqlens.report.internal.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the command's times ({@code --since 15m}) and durations ({@code --min-duration 250ms}).
 */
final class TimeArgs {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d|w)");

  private TimeArgs() {}

  /**
   * A duration: one or more {@code NUMBER UNIT} parts, e.g. {@code 250ms}, {@code 1.5s}, {@code
   * 1h30m}; units ns, us, ms, s, m, h, d, w.
   */
  static long durationNs(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = PART.matcher(s);
    int at = 0;
    double total = 0;
    while (at < s.length() && m.find(at) && m.start() == at) {
      total += Double.parseDouble(m.group(1)) * unitNs(m.group(2));
      at = m.end();
    }
    if (at == 0 || at != s.length()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration: use a number with a"
              + " unit (ns, us, ms, s, m, h, d, w), e.g. 250ms, 1.5s, 15m, 1h30m");
    }
    return (long) total;
  }

  /**
   * A point in time: {@code now}; a duration meaning that long before now ({@code 15m}); an instant
   * ({@code 2026-11-20T10:00:00Z}); a local date-time ({@code 2026-11-20T10:00} or {@code
   * 2026-11-20 10:00}) or a date (midnight) in {@code zone}.
   */
  static long epochNs(String text, long nowNs, ZoneId zone) {
    String s = text.trim();
    if (s.equalsIgnoreCase("now")) {
      return nowNs;
    }
    if (!s.isEmpty()
        && Character.isDigit(s.charAt(0))
        && PART.matcher(s.toLowerCase(Locale.ROOT)).lookingAt()
        && !s.contains("-")) {
      return nowNs - durationNs(s);
    }
    try {
      return toNs(Instant.parse(s));
    } catch (DateTimeParseException e) {
      // Not an instant: try the local forms below.
    }
    try {
      return toNs(LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toInstant());
    } catch (DateTimeParseException e) {
      // Not a local date-time either.
    }
    try {
      return toNs(LocalDate.parse(s).atStartOfDay(zone).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time: use now, a duration before"
              + " now (15m, 2h, 7d), 2026-11-20T10:00:00Z, 2026-11-20 10:00 or 2026-11-20",
          e);
    }
  }

  private static long toNs(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  private static double unitNs(String unit) {
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
      default:
        return 7 * 86400e9;
    }
  }
}
