package io.reqlens.report.internal.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Human formats shared by the terminal and HTML renderers (Locale.ROOT: stable output).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Format {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Format() {}

  /** {@code 850µs}, {@code 12.3ms}, {@code 1.24s}, {@code 2.5m}. */
  public static String duration(long ns) {
    if (ns < 0) {
      return "-";
    }
    if (ns < 1_000_000L) {
      return (ns / 1000) + "µs";
    }
    if (ns < 1_000_000_000L) {
      double ms = ns / 1e6;
      return ms < 100 ? fmt("%.1fms", ms) : fmt("%.0fms", ms);
    }
    double s = ns / 1e9;
    if (s < 120) {
      return s < 10 ? fmt("%.2fs", s) : fmt("%.1fs", s);
    }
    return fmt("%.1fm", s / 60);
  }

  /** {@code 999}, {@code 12.3K}, {@code 4.5M}: for narrow columns. */
  public static String count(double n) {
    if (Double.isNaN(n)) {
      return "-";
    }
    if (n < 10_000) {
      return n == Math.rint(n) ? fmt("%.0f", n) : fmt("%.1f", n);
    }
    if (n < 10_000_000) {
      return fmt("%.1fK", n / 1e3);
    }
    if (n < 10_000_000_000.0) {
      return fmt("%.1fM", n / 1e6);
    }
    // Never wider than a column, whatever re-weighting gives (up to 2^56 per request).
    return n < 10e12 ? fmt("%.1fG", n / 1e9) : fmt("%.0e", n);
  }

  /** A count with thousands separators. */
  public static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 512B}, {@code 1.2K}, {@code 3.4M}. */
  public static String bytes(double b) {
    if (Double.isNaN(b)) {
      return "-";
    }
    if (b < 1024) {
      return fmt("%.0fB", b);
    }
    if (b < 1024 * 1024) {
      return fmt("%.1fK", b / 1024);
    }
    if (b < 1024.0 * 1024 * 1024) {
      return fmt("%.1fM", b / 1024 / 1024);
    }
    return fmt("%.1fG", b / 1024 / 1024 / 1024);
  }

  /** A count interval, outward-rounded: {@code 160-221}, {@code 12.3K-14.1K}. */
  public static String countRange(double low, double high) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return "-";
    }
    return count(Math.floor(low)) + "-" + count(Math.ceil(high));
  }

  /** A percentage interval, outward-rounded to 0.1: {@code 0.0-2.4}. */
  public static String pctRange(double low, double high) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return "-";
    }
    return pct(Math.floor(low * 10) / 10) + "-" + pct(Math.min(100, Math.ceil(high * 10) / 10));
  }

  /** The sample rates of a route: {@code 1}, {@code 0.1}, {@code 0.1-1} (3 significant digits). */
  public static String rates(double min, double max) {
    if (Double.isNaN(min)) {
      return "-";
    }
    String lo = fmt("%.3g", min).replaceAll("\\.?0+$", "");
    String hi = fmt("%.3g", max).replaceAll("\\.?0+$", "");
    return lo.equals(hi) ? lo : lo + "-" + hi;
  }

  /** The confidence level: {@code 95%}, {@code 99.9%}. */
  public static String level(double pct) {
    return (pct == Math.rint(pct) ? fmt("%.0f", pct) : fmt("%s", pct)) + "%";
  }

  public static String pct(double p) {
    return Double.isNaN(p) ? "-" : fmt("%.1f", p);
  }

  public static String time(long epochNs, ZoneId zone) {
    if (epochNs == 0) {
      return "-";
    }
    return TIME.format(Instant.ofEpochSecond(0, epochNs).atZone(zone));
  }

  /**
   * {@code s} with terminal controls escaped ({@link TerminalText}), cut to {@code width}
   * characters, marked with an ellipsis when cut.
   */
  public static String cut(String raw, int width) {
    if (raw == null) {
      return "-";
    }
    String s = TerminalText.escape(raw);
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
  }

  /** Left-aligned in {@code width} (cut when longer). */
  public static String left(String s, int width) {
    String c = cut(s, width);
    StringBuilder b = new StringBuilder(width).append(c);
    while (b.length() < width) {
      b.append(' ');
    }
    return b.toString();
  }

  /** Right-aligned in {@code width} (never cut: numbers must stay whole). */
  public static String right(String s, int width) {
    StringBuilder b = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      b.append(' ');
    }
    return b.append(s).toString();
  }

  static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
