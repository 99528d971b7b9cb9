package io.reqlens.report.internal.cli;

import io.reqlens.core.config.Durations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Parses the command's times ({@code --since 15m}) and durations ({@code --min-duration 250ms}).
 */
final class TimeArgs {

  private TimeArgs() {}

  /** A duration in the one grammar of every Reqlens key and option ({@link Durations}). */
  static long durationNs(String text) {
    try {
      return Durations.parseNanos(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid duration '" + text + "': " + e.getMessage(), e);
    }
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
    if (!s.isEmpty() && Character.isDigit(s.charAt(0)) && !s.contains("-") && !s.contains(":")) {
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
}
