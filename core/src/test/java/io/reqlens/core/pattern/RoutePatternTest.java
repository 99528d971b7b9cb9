package io.reqlens.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutePatternTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // exact, anchored
        "/health           | /health             | true",
        "/health           | /healthz            | false",
        "/health           | /health/live        | false",
        "/health           | /health/            | false",
        "/health           | /Health             | false",
        "/health           | ''                  | false",
        // * within one segment
        "/api/*/items      | /api/7/items        | true",
        "/api/*/items      | /api/7/8/items      | false",
        "/api/*/items      | /api//items         | true",
        "/api/*            | /api/users          | true",
        "/api/*            | /api/users/1        | false",
        "/api/*            | /api                | false",
        "/api/u*s          | /api/users          | true",
        "/api/u*s          | /api/user           | false",
        "/api/*.css        | /api/app.css        | true",
        "*                 | POST                | true",
        "*                 | a/b                 | false",
        "P*T               | POST                | true",
        "P*T               | PUT                 | true",
        "P*T               | PATCH               | false",
        // ** across segments, including none
        "/static/**        | /static             | true",
        "/static/**        | /static/            | true",
        "/static/**        | /static/a.css       | true",
        "/static/**        | /static/img/x.png   | true",
        "/static/**        | /staticx            | false",
        "/static/**        | /static-old/a.css   | false",
        "/static/**        | /api/static/a.css   | false",
        "/api/**/items     | /api/items          | true",
        "/api/**/items     | /api/a/b/c/items    | true",
        "/api/**/items     | /api/a/b/c/item     | false",
        "/api/**/items/*   | /api/a/items/7      | true",
        "/api/**/items/*   | /api/a/items/7/8    | false",
        "**                | ''                  | true",
        "**                | /any/thing          | true",
        "/**               | /                   | true",
        "**/x.png          | /img/x.png          | true",
        "/a/**/b/**/c      | /a/b/c              | true",
        "/a/**/b/**/c      | /a/1/b/2/3/c        | true",
        "/a/**/b/**/c      | /a/1/c/2/b          | false",
        "/a**b             | /axxb               | true",
        "/a**b             | /ax/xb              | false",
        // regex, whole-string
        "~/v[0-9]+/.*      | /v12/users          | true",
        "~/v[0-9]+/.*      | /api/v12/users      | false",
        "~G.T              | GET                 | true",
        "~G.T              | GETX                | false",
      })
  void matches(String pattern, String value, boolean expected) {
    assertThat(RoutePattern.compile(pattern).matches(value)).isEqualTo(expected);
  }

  @Test
  void nullNeverMatches() {
    assertThat(RoutePattern.compile("**").matches(null)).isFalse();
    assertThat(RoutePattern.compile("/a").matches(null)).isFalse();
    assertThat(RoutePattern.compile("~.*").matches(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "~", "~[", "~(a", "~a{2,1}"})
  void rejectsBadPatternsWithAReason(String pattern) {
    assertThatThrownBy(() -> RoutePattern.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching(
            "(empty pattern|empty regular expression|invalid regular expression).*");
  }

  /**
   * A hostile path against a many-star pattern: the segment matcher keeps one backtrack point, so
   * this finishes in microseconds where naive recursive globbing would not finish at all. The
   * assertion is on the answer; the input size is what would hang a naive matcher.
   */
  @Test
  void noBacktrackingBlowUp() {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      path.append("/a");
    }
    RoutePattern p = RoutePattern.compile("/**/a/**/a/**/a/**/a/**/b");
    assertThat(p.matches(path.toString())).isFalse();
    String segment = "a".repeat(5000);
    assertThat(RoutePattern.compile("/*a*a*a*a*a*b").matches("/" + segment)).isFalse();
  }

  @Test
  void equalityAndToStringFollowTheSource() {
    assertThat(RoutePattern.compile("/static/**")).isEqualTo(RoutePattern.compile("/static/**"));
    assertThat(RoutePattern.compile("/static/**"))
        .hasSameHashCodeAs(RoutePattern.compile("/static/**"));
    assertThat(RoutePattern.compile("~a.*")).hasToString("~a.*");
  }
}
