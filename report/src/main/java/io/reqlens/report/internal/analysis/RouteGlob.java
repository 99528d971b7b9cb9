package io.reqlens.report.internal.analysis;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The pattern language of DESIGN.md for {@code --route}: anchored whole-string matches; {@code *}
 * within one path segment, {@code **} across segments, {@code ~REGEX} a Java regular expression.
 */
final class RouteGlob {

  private RouteGlob() {}

  /** Compiles {@code pattern}; throws {@link IllegalArgumentException} with a readable reason. */
  static Pattern compile(String pattern) {
    if (pattern.startsWith("~")) {
      try {
        return Pattern.compile(pattern.substring(1));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "invalid regular expression '" + pattern.substring(1) + "': " + e.getDescription(), e);
      }
    }
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      if (pattern.startsWith("/**", i) && i + 3 == pattern.length()) {
        re.append("(?:/.*)?"); // "/static/**" also matches "/static"
        i += 3;
      } else if (pattern.startsWith("**", i)) {
        re.append(".*");
        i += 2;
      } else if (pattern.charAt(i) == '*') {
        re.append("[^/]*");
        i++;
      } else {
        int next = nextStar(pattern, i);
        re.append(Pattern.quote(pattern.substring(i, next)));
        i = next;
      }
    }
    return Pattern.compile(re.toString());
  }

  private static int nextStar(String s, int from) {
    int star = s.indexOf('*', from);
    int slashStars = s.indexOf("/**", from);
    int end = star < 0 ? s.length() : star;
    if (slashStars >= 0 && slashStars + 3 == s.length() && slashStars < end) {
      end = slashStars;
    }
    return end == from ? from + 1 : end;
  }
}
