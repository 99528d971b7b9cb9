package io.reqlens.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * The parsers every {@link Setting} uses, each with its own "accepted" text. One grammar per kind
 * of value: ratios, booleans, whole numbers, durations ({@link Durations}), sizes ({@link
 * ByteSizes}) and paths.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Parsers {

  static final String RATIO_ACCEPTED = "a ratio in [0,1], e.g. 0.25";
  static final String BOOLEAN_ACCEPTED = "true or false";

  private Parsers() {}

  /**
   * A parser from a function that throws {@link IllegalArgumentException} naming what is wrong and
   * what is accepted (its message is used as it is).
   */
  public static <T> Setting.Parser<T> of(Function<String, T> parse, String accepted) {
    return new Setting.Parser<T>() {
      @Override
      public T parse(String text) {
        return parse.apply(text);
      }

      @Override
      public String accepted() {
        return accepted;
      }
    };
  }

  /** Any text, as it is (trimmed). */
  public static Setting.Parser<String> text(String accepted) {
    return of(Function.identity(), accepted);
  }

  /** A ratio in [0,1]. */
  public static Setting.Parser<Double> ratio() {
    return of(Parsers::parseRatio, RATIO_ACCEPTED);
  }

  /** {@code true} or {@code false}, case-insensitive. */
  public static Setting.Parser<Boolean> bool() {
    return of(Parsers::parseBoolean, BOOLEAN_ACCEPTED);
  }

  /** A positive duration ({@link Durations}). */
  public static Setting.Parser<Duration> positiveDuration() {
    return of(Parsers::parsePositiveDuration, Durations.ACCEPTED);
  }

  /** A positive number of bytes ({@link ByteSizes}). */
  public static Setting.Parser<Long> positiveBytes() {
    return of(Parsers::parsePositiveBytes, ByteSizes.ACCEPTED);
  }

  /** A whole number in [{@code min}, {@code max}]. */
  public static Setting.Parser<Integer> intInRange(int min, int max) {
    String accepted = "a whole number from " + min + " to " + max;
    return of(text -> parseInt(text, min, max, accepted), accepted);
  }

  /** A positive whole number. */
  public static Setting.Parser<Integer> positiveInt() {
    return intInRange(1, Integer.MAX_VALUE);
  }

  /** A file-system path. */
  public static Setting.Parser<Path> path(String accepted) {
    return of(
        text -> {
          try {
            return Paths.get(text);
          } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a usable path; accepted: " + accepted, e);
          }
        },
        accepted);
  }

  /**
   * A data folder: a path that is a writable folder or can be created ({@link DataFolders}),
   * checked when the setting is read, so start-up fails naming the key instead of the first write
   * later.
   */
  public static Setting.Parser<Path> writableFolder() {
    Setting.Parser<Path> path = path("a folder path");
    return of(
        text -> {
          Path p = path.parse(text);
          String problem = DataFolders.problem(p);
          if (problem != null) {
            throw new IllegalArgumentException(problem);
          }
          return p;
        },
        DataFolders.ACCEPTED.substring("accepted: ".length()));
  }

  /** One of {@code choices}, case-insensitive; returns it in lower case. */
  public static Setting.Parser<String> oneOf(String... choices) {
    String accepted = String.join(" or ", choices);
    return of(
        text -> {
          String lower = text.toLowerCase(Locale.ROOT);
          for (String choice : choices) {
            if (choice.equals(lower)) {
              return choice;
            }
          }
          throw new IllegalArgumentException("accepted: " + accepted);
        },
        accepted);
  }

  static double parseRatio(String value) {
    double ratio;
    try {
      ratio = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number; accepted: " + RATIO_ACCEPTED, e);
    }
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("outside [0,1]; accepted: " + RATIO_ACCEPTED);
    }
    return ratio;
  }

  static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("accepted: " + BOOLEAN_ACCEPTED);
  }

  static Duration parsePositiveDuration(String value) {
    long nanos = Durations.parseNanos(value);
    if (nanos <= 0) {
      throw new IllegalArgumentException("not positive; accepted: " + Durations.ACCEPTED);
    }
    return Duration.ofNanos(nanos);
  }

  static long parsePositiveBytes(String value) {
    long n = ByteSizes.parse(value);
    if (n <= 0) {
      throw new IllegalArgumentException("not positive; accepted: " + ByteSizes.ACCEPTED);
    }
    return n;
  }

  private static int parseInt(String value, int min, int max, String accepted) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the bounds
    }
    throw new IllegalArgumentException("accepted: " + accepted);
  }
}
