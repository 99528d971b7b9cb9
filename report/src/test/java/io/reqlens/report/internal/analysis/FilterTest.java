package io.reqlens.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reqlens.report.internal.input.Event;
import org.junit.jupiter.api.Test;

class FilterTest {

  private static Request r(String method, String route, long ts, long durMs, int status) {
    Event e = Events.req("t", method, route, ts, durMs, status);
    Request r = new Request("t");
    r.setReq(e);
    return r;
  }

  @Test
  void routePatternsAreAnchored() {
    Filter f = Filter.builder().route("/health").build();
    assertThat(f.test(r("GET", "/health", 1, 1, 200))).isTrue();
    assertThat(f.test(r("GET", "/healthz", 1, 1, 200))).isFalse();
    Filter api = Filter.builder().route("/api/**").route("/x/*/items").build();
    assertThat(api.test(r("GET", "/api", 1, 1, 200))).isTrue();
    assertThat(api.test(r("GET", "/api/users/{id}", 1, 1, 200))).isTrue();
    assertThat(api.test(r("GET", "/apix", 1, 1, 200))).isFalse();
    assertThat(api.test(r("GET", "/x/7/items", 1, 1, 200))).isTrue();
    assertThat(api.test(r("GET", "/x/7/8/items", 1, 1, 200))).isFalse();
    // The same language as OTEL_REQLENS_EXCLUDE_ROUTES: "**" in the middle may match no segment.
    Filter middle = Filter.builder().route("/api/**/items").build();
    assertThat(middle.test(r("GET", "/api/items", 1, 1, 200))).isTrue();
    assertThat(middle.test(r("GET", "/api/a/b/items", 1, 1, 200))).isTrue();
    assertThat(
            Filter.builder()
                .route("~/api/users/\\{id\\}")
                .build()
                .test(r("GET", "/api/users/{id}", 1, 1, 200)))
        .isTrue();
    assertThatThrownBy(() -> Filter.builder().route("~("))
        .hasMessageContaining("regular expression");
  }

  @Test
  void timeMethodStatusAndDuration() {
    Filter f =
        Filter.builder()
            .since(10, "10")
            .until(20, "20")
            .method("get")
            .status(500, 599, "5xx")
            .minDuration(5_000_000L, "5ms")
            .build();
    assertThat(f.test(r("GET", "/a", 10, 5, 503))).isTrue();
    assertThat(f.test(r("GET", "/a", 20, 5, 503))).as("until is exclusive").isFalse();
    assertThat(f.test(r("GET", "/a", 9, 5, 503))).isFalse();
    assertThat(f.test(r("POST", "/a", 10, 5, 503))).isFalse();
    assertThat(f.test(r("GET", "/a", 10, 5, 404))).isFalse();
    assertThat(f.test(r("GET", "/a", 10, 4, 503))).isFalse();
    assertThat(f.description())
        .isEqualTo("since 10, until 20, method GET, status 5xx, duration >= 5ms");
  }
}
