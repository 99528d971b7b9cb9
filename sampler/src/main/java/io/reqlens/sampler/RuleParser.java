package io.reqlens.sampler;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.Clock;
import io.reqlens.core.pattern.RoutePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses {@code OTEL_REQLENS_SAMPLER_RULES}: rules separated by {@code ;}, each {@code MATCHERS =>
 * ACTION}, where {@code MATCHERS} is {@code *} or {@code key=pattern} / {@code key!=pattern} joined
 * by {@code &}, and {@code ACTION} is {@code drop}, a ratio in [0, 1] or {@code rate=N/s}.
 *
 * <p>Every error throws {@link IllegalArgumentException} naming the rule, the offending part and
 * what is accepted. One {@code ;} after the last rule is allowed; an empty rule elsewhere ({@code
 * ;;}, a leading {@code ;}) is an error, not silently skipped: it is usually a rule lost in
 * editing.
 */
final class RuleParser {

  static final String ACCEPTED_ACTIONS =
      "accepted actions: drop, a ratio in [0,1] (e.g. 0.25), or rate=N/s (e.g. rate=10/s)";
  static final String ACCEPTED_KINDS =
      "accepted span kinds: SERVER, CLIENT, PRODUCER, CONSUMER, INTERNAL";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");

  private RuleParser() {}

  static List<Rule> parse(String text, Clock clock) {
    List<Rule> rules = new ArrayList<>();
    if (text == null) {
      return rules;
    }
    String[] parts = text.split(";", -1);
    int last = parts.length - 1;
    if (last > 0 && parts[last].trim().isEmpty()) {
      last--; // one ';' after the last rule is allowed
    }
    for (int i = 0; i <= last; i++) {
      String rule = parts[i].trim();
      int number = rules.size() + 1;
      if (rule.isEmpty()) {
        if (last == 0) {
          break; // the whole value is blank: no rules
        }
        throw new IllegalArgumentException(
            "rule "
                + number
                + " is empty (a ';' first, or two in a row); accepted: rules separated by one"
                + " ';', e.g. url.path=/a => 1; * => 0.1");
      }
      try {
        rules.add(parseRule(number, rule, clock));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "rule " + number + " '" + rule + "': " + e.getMessage(), e);
      }
    }
    return rules;
  }

  private static Rule parseRule(int number, String rule, Clock clock) {
    int arrow = rule.indexOf("=>");
    if (arrow < 0) {
      throw new IllegalArgumentException(
          "missing '=>'; expected MATCHERS => ACTION, e.g. url.path=/api/** => 0.5");
    }
    if (rule.indexOf("=>", arrow + 2) >= 0) {
      throw new IllegalArgumentException(
          "more than one '=>'; separate rules with ';', e.g. url.path=/a => 1; * => 0.1");
    }
    String left = rule.substring(0, arrow).trim();
    String right = rule.substring(arrow + 2).trim();
    List<Matcher> matchers = parseMatchers(left);
    String text = (matchers.isEmpty() ? "*" : join(matchers)) + " => " + right;
    return parseAction(number, text, matchers, right, clock);
  }

  private static List<Matcher> parseMatchers(String left) {
    if (left.isEmpty()) {
      throw new IllegalArgumentException(
          "no matcher before '=>'; use * to match every span, or key=pattern joined by &");
    }
    List<Matcher> matchers = new ArrayList<>();
    if (left.equals("*")) {
      return matchers;
    }
    for (String raw : left.split("&", -1)) {
      String part = raw.trim();
      if (part.isEmpty()) {
        throw new IllegalArgumentException(
            "empty matcher in '" + left + "'; expected key=pattern or key!=pattern between '&'");
      }
      if (part.equals("*")) {
        throw new IllegalArgumentException(
            "'*' matches every span and cannot be combined with other matchers by '&'");
      }
      matchers.add(parseMatcher(part));
    }
    return matchers;
  }

  private static Matcher parseMatcher(String part) {
    int eq = part.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException(
          "matcher '" + part + "' has no '=' or '!='; expected key=pattern or key!=pattern");
    }
    boolean negated = eq > 0 && part.charAt(eq - 1) == '!';
    String key = part.substring(0, negated ? eq - 1 : eq).trim();
    String value = part.substring(eq + 1).trim();
    if (key.isEmpty()) {
      throw new IllegalArgumentException(
          "matcher '" + part + "' has no key; expected a span attribute, span.kind or span.name");
    }
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "matcher key '" + key + "' is not an attribute name (letters, digits, '.', '_', '-')");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "matcher '" + part + "' has an empty pattern; expected an exact value, a glob or ~REGEX");
    }
    if (key.equals(Matcher.SPAN_KIND)) {
      return Matcher.spanKind(parseKind(value), negated);
    }
    RoutePattern pattern = RoutePattern.compile(value);
    return key.equals(Matcher.SPAN_NAME)
        ? Matcher.spanName(pattern, negated)
        : Matcher.attribute(key, pattern, negated);
  }

  private static SpanKind parseKind(String value) {
    try {
      return SpanKind.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown span kind '" + value + "'; " + ACCEPTED_KINDS, e);
    }
  }

  private static Rule parseAction(
      int number, String text, List<Matcher> matchers, String action, Clock clock) {
    if (action.isEmpty()) {
      throw new IllegalArgumentException("no action after '=>'; " + ACCEPTED_ACTIONS);
    }
    if (action.equalsIgnoreCase("drop")) {
      return Rule.drop(number, text, matchers);
    }
    if (action.startsWith("rate=")) {
      return Rule.rate(number, text, matchers, parseRate(action), clock);
    }
    if (NUMBER.matcher(action).matches()) {
      double ratio = Double.parseDouble(action);
      if (ratio > 1) {
        throw new IllegalArgumentException(
            "ratio " + action + " is above 1; a ratio is a probability in [0,1]");
      }
      return Rule.ratio(number, text, matchers, ratio);
    }
    if (action.startsWith("-") && NUMBER.matcher(action.substring(1)).matches()) {
      throw new IllegalArgumentException(
          "ratio " + action + " is below 0; a ratio is a probability in [0,1]");
    }
    throw new IllegalArgumentException("unknown action '" + action + "'; " + ACCEPTED_ACTIONS);
  }

  private static double parseRate(String action) {
    String body = action.substring("rate=".length()).trim();
    String accepted = "; expected rate=N/s with N a positive number, e.g. rate=10/s or rate=0.5/s";
    if (!body.endsWith("/s")) {
      throw new IllegalArgumentException("rate '" + action + "' has no '/s' unit" + accepted);
    }
    String n = body.substring(0, body.length() - 2).trim();
    if (!NUMBER.matcher(n).matches()) {
      throw new IllegalArgumentException("rate '" + action + "' is not a number" + accepted);
    }
    double perSecond = Double.parseDouble(n);
    if (perSecond <= 0) {
      throw new IllegalArgumentException("rate '" + action + "' is not positive" + accepted);
    }
    return perSecond;
  }

  private static String join(List<Matcher> matchers) {
    StringBuilder sb = new StringBuilder();
    for (Matcher m : matchers) {
      if (sb.length() > 0) {
        sb.append(" & ");
      }
      sb.append(m);
    }
    return sb.toString();
  }
}
