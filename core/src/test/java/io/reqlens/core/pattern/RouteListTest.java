package io.reqlens.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteListTest {

  @Test
  void parsesCommaSeparatedPatterns() {
    RouteList list = RouteList.parse(" /health , /metrics,/static/** ");
    assertThat(list.patterns())
        .extracting(Object::toString)
        .containsExactly("/health", "/metrics", "/static/**");
    assertThat(list.matches("/health")).isTrue();
    assertThat(list.matches("/healthz")).isFalse();
    assertThat(list.matches("/static/img/a.png")).isTrue();
    assertThat(list.matches(null)).isFalse();
  }

  @Test
  void keepsCommasInsideRegexQuantifiersAndClasses() {
    RouteList list = RouteList.parse("~/v[0-9]{1,2}/.*,~/x[,;]y,/a");
    assertThat(list.patterns()).hasSize(3);
    assertThat(list.matches("/v12/users")).isTrue();
    assertThat(list.matches("/v123/users")).isFalse();
    assertThat(list.matches("/x,y")).isTrue();
    assertThat(list.matches("/a")).isTrue();
  }

  @Test
  void blankIsEmpty() {
    assertThat(RouteList.parse(null).isEmpty()).isTrue();
    assertThat(RouteList.parse("   ").isEmpty()).isTrue();
    assertThat(RouteList.empty().matches("/")).isFalse();
  }

  @Test
  void rejectsEmptyEntriesAndBadPatterns() {
    assertThatThrownBy(() -> RouteList.parse("/a,,/b")).hasMessageContaining("entry 2 is empty");
    assertThatThrownBy(() -> RouteList.parse("/a,~("))
        .hasMessageContaining("entry 2 '~('")
        .hasMessageContaining("invalid regular expression");
  }
}
