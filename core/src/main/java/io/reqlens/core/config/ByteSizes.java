package io.reqlens.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one size grammar of every Reqlens key and option: a whole number with an optional unit {@code
 * B, KiB, MiB, GiB} (case-insensitive; {@code KB, MB, GB} and {@code K, M, G} mean the same binary
 * multiples); a bare number means bytes.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ByteSizes {

  /** What an error message says is accepted. */
  public static final String ACCEPTED =
      "a whole number of bytes with an optional unit B, KiB, MiB or GiB (KB, MB, GB mean the same),"
          + " e.g. 16MiB";

  private static final Pattern SIZE =
      Pattern.compile("([0-9]+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?", Pattern.CASE_INSENSITIVE);

  private ByteSizes() {}

  /**
   * Parses {@code text} into bytes (zero or more).
   *
   * @throws IllegalArgumentException naming what is wrong and what is accepted
   */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size; accepted: " + ACCEPTED);
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int shift =
        unit.startsWith("k") ? 10 : unit.startsWith("m") ? 20 : unit.startsWith("g") ? 30 : 0;
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("too large; accepted: " + ACCEPTED);
    }
  }

  /**
   * Formats {@code bytes} in this grammar, the largest exact unit ({@code 16MiB}, {@code 1000}).
   */
  public static String format(long bytes) {
    if (bytes != 0 && bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "GiB";
    }
    if (bytes != 0 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "MiB";
    }
    if (bytes != 0 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + "KiB";
    }
    return Long.toString(bytes);
  }
}
