package io.reqlens.core.pattern;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An anchored pattern for routes, paths and attribute values, compiled once.
 *
 * <ul>
 *   <li>{@code /health} matches exactly {@code /health}: never {@code /healthz}, never {@code
 *       /health/live}. Matches are whole-string and case-sensitive.
 *   <li>{@code *} matches any run of characters within one {@code /}-separated segment, including
 *       none: {@code /api/*}{@code /items} matches {@code /api/7/items}.
 *   <li>{@code **} as a whole segment matches any number of segments, including none: {@code
 *       /static/**} matches {@code /static}, {@code /static/a.css} and {@code /static/img/x.png}.
 *       Inside a segment ({@code a**b}) it means the same as {@code *}.
 *   <li>{@code ~REGEX} is a {@link java.util.regex.Pattern} that must match the whole value.
 * </ul>
 *
 * <p>Globs are matched segment by segment without backtracking blow-up: the cost is at most
 * proportional to (pattern segments × value segments), whatever the input, so a hostile request
 * path cannot make matching slow. Matching never allocates, except for {@code ~REGEX} patterns (one
 * {@link java.util.regex.Matcher} per call).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RoutePattern {

  private static final String DOUBLE_STAR = "**";

  private final String source;
  // Exactly one of the three representations is used; see compile().
  private final String exact;
  private final Segment[] segments;
  private final String globPrefix; // every value a glob matches starts with this literal text
  private final Pattern regex;

  private RoutePattern(String source, String exact, Segment[] segments, Pattern regex) {
    this.source = source;
    this.exact = exact;
    this.segments = segments;
    this.globPrefix = segments == null ? null : literalPrefix(source);
    this.regex = regex;
  }

  /**
   * The text before the first wildcard, minus a trailing {@code /} when that wildcard is a whole
   * {@code **} segment (which may match no segment: {@code /static/**} matches {@code /static}).
   * Why? Rule sets are mostly distinct literal prefixes ({@code /api/orders/**}, {@code
   * /api/users/**}); one {@code startsWith} rejects a non-matching value in a few nanoseconds.
   */
  private static String literalPrefix(String glob) {
    int star = glob.indexOf('*');
    String prefix = glob.substring(0, star);
    boolean wholeDoubleStar =
        glob.startsWith(DOUBLE_STAR, star)
            && (star + 2 == glob.length() || glob.charAt(star + 2) == '/');
    if (wholeDoubleStar && prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return prefix;
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException if the pattern is empty or blank, or a {@code ~REGEX} does not
   *     compile; the message says what is accepted
   */
  public static RoutePattern compile(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.trim().isEmpty()) {
      throw new IllegalArgumentException(
          "empty pattern; expected an exact value, a glob with * or **, or ~REGEX");
    }
    if (pattern.startsWith("~")) {
      String body = pattern.substring(1);
      if (body.isEmpty()) {
        throw new IllegalArgumentException("empty regular expression after '~'");
      }
      try {
        return new RoutePattern(pattern, null, null, Pattern.compile(body));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "invalid regular expression '"
                + body
                + "' (~REGEX takes a java.util.regex pattern): "
                + e.getDescription()
                + " near index "
                + e.getIndex(),
            e);
      }
    }
    if (pattern.indexOf('*') < 0) {
      return new RoutePattern(pattern, pattern, null, null);
    }
    String[] parts = pattern.split("/", -1);
    Segment[] segments = new Segment[parts.length];
    for (int i = 0; i < parts.length; i++) {
      segments[i] = Segment.of(parts[i]);
    }
    return new RoutePattern(pattern, null, segments, null);
  }

  /**
   * Literal text every matching value starts with ({@code ""} when none is known, as for {@code
   * ~REGEX}).
   */
  public String requiredPrefix() {
    if (exact != null) {
      return exact;
    }
    return globPrefix != null ? globPrefix : "";
  }

  /** Returns whether the whole of {@code value} matches; {@code null} never matches. */
  public boolean matches(String value) {
    if (value == null) {
      return false;
    }
    if (exact != null) {
      return exact.equals(value);
    }
    if (segments != null) {
      return value.startsWith(globPrefix) && matchSegments(value);
    }
    return regex.matcher(value).matches();
  }

  /**
   * Segment-level wildcard match: {@code **} plays the role of the classic glob star over whole
   * segments, and each other segment is a unit compared with {@link Segment#matches}. Keeping only
   * the last {@code **} as a backtrack point is enough (a later star can absorb whatever an earlier
   * one would have), which bounds the work.
   */
  private boolean matchSegments(String value) {
    int length = value.length();
    int p = 0;
    int pos = 0; // start of the current value segment; length + 1 once every segment is used
    int starP = -1;
    int starPos = -1;
    while (pos <= length) {
      if (p < segments.length && segments[p].any) {
        starP = p++;
        starPos = pos;
        continue;
      }
      int end = segmentEnd(value, pos);
      if (p < segments.length && segments[p].matches(value, pos, end)) {
        p++;
        pos = end + 1;
        continue;
      }
      if (starP < 0) {
        return false;
      }
      p = starP + 1;
      starPos = segmentEnd(value, starPos) + 1;
      pos = starPos;
    }
    while (p < segments.length && segments[p].any) {
      p++;
    }
    return p == segments.length;
  }

  private static int segmentEnd(String value, int from) {
    int slash = value.indexOf('/', from);
    return slash < 0 ? value.length() : slash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoutePattern && ((RoutePattern) o).source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  /** Returns the pattern as written. */
  @Override
  public String toString() {
    return source;
  }

  /** One {@code /}-separated piece of a glob. */
  private static final class Segment {
    final boolean any; // "**": any number of whole segments
    final String literal; // no wildcard: compared with regionMatches
    final String glob; // contains '*': matched within the segment

    private Segment(boolean any, String literal, String glob) {
      this.any = any;
      this.literal = literal;
      this.glob = glob;
    }

    static Segment of(String part) {
      if (part.equals(DOUBLE_STAR)) {
        return new Segment(true, null, null);
      }
      if (part.indexOf('*') < 0) {
        return new Segment(false, part, null);
      }
      return new Segment(false, null, part);
    }

    boolean matches(String value, int from, int to) {
      if (literal != null) {
        return to - from == literal.length() && value.regionMatches(from, literal, 0, to - from);
      }
      return globMatches(glob, value, from, to);
    }

    /** Classic single-star glob over value[from, to): linear backtracking to the last star. */
    private static boolean globMatches(String glob, String value, int from, int to) {
      int g = 0;
      int v = from;
      int starG = -1;
      int starV = -1;
      int glen = glob.length();
      while (v < to) {
        if (g < glen && glob.charAt(g) == '*') {
          starG = g++;
          starV = v;
        } else if (g < glen && glob.charAt(g) == value.charAt(v)) {
          g++;
          v++;
        } else if (starG >= 0) {
          g = starG + 1;
          v = ++starV;
        } else {
          return false;
        }
      }
      while (g < glen && glob.charAt(g) == '*') {
        g++;
      }
      return g == glen;
    }
  }
}
