package io.reqlens.report.internal.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.testing.Fixtures;
import io.reqlens.report.testing.ServeData;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard over plain HTTP: nothing without the token, the token becomes a strict cookie,
 * security headers everywhere, read-only, and the API documents.
 */
class ServerTest {

  @TempDir static Path dir;

  private static Dashboard dashboard;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    ServeData.write(dir);
    dashboard =
        Dashboard.start(
            new DashboardConfig()
                .inputs(List.of(dir))
                .bind(InetAddress.getLoopbackAddress(), 0, false)
                .clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))
                .poll(Duration.ofMillis(50)));
  }

  @AfterAll
  static void stop() {
    dashboard.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(dashboard.base().resolve(path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String bearer() {
    return "Bearer " + dashboard.token();
  }

  @Test
  void everyPageAndDataRequestWithoutTheTokenIs401() throws Exception {
    for (String p :
        new String[] {
          "/",
          "/route?route=/api/users&method=GET",
          "/request?trace_id=" + ServeData.TRACE,
          "/errors",
          "/compare",
          "/api/v1/status",
          "/api/v1/overview",
          "/api/v1/request?trace_id=" + ServeData.TRACE,
          "/static/dashboard.js",
          "/no/such/page"
        }) {
      HttpResponse<String> r = get(p);
      assertThat(r.statusCode()).as(p).isEqualTo(401);
      assertThat(r.body()).as(p).doesNotContain(ServeData.TRACE.substring(8));
      securityHeaders(r);
    }
    assertThat(get("/api/v1/status", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(get("/?token=wrong").statusCode()).isEqualTo(401);
    assertThat(get("/", "Cookie", "reqlens_1=" + dashboard.token()).statusCode()).isEqualTo(401);
  }

  @Test
  void theTokenBecomesAnHttpOnlyStrictCookieAndLeavesTheUrl() throws Exception {
    HttpResponse<String> r = get("/route?route=%2Fa&token=" + dashboard.token() + "&method=GET");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/route?route=%2Fa&method=GET");
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
    String pair = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<String> page = get("/", "Cookie", pair);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/static/dashboard.js").doesNotContain("<script>");
    securityHeaders(page);
    assertThat(get("/api/v1/overview", "Cookie", "other=1; " + pair).statusCode()).isEqualTo(200);
    // The redirect stays on this server's pages.
    // (The path is appended, not resolved: resolving "//x" would name another host.)
    URI odd = URI.create(dashboard.base() + "//elsewhere.example/?token=" + dashboard.token());
    assertThat(
            HTTP.send(HttpRequest.newBuilder(odd).build(), HttpResponse.BodyHandlers.ofString())
                .headers()
                .firstValue("Location"))
        .hasValue("/");
  }

  @Test
  void readOnly() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(dashboard.base().resolve("/api/v1/status"))
            .header("Authorization", bearer())
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void theApiDocuments() throws Exception {
    awaitReady();
    HttpResponse<String> overview = get("/api/v1/overview", "Authorization", bearer());
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(overview.body())
        .contains("\"schema\":1")
        .contains("\"requests\":241")
        .contains("GET /api/slow") // highlights, as the report computes them
        .contains(ServeData.ROUTE);
    String route =
        get(
                "/api/v1/route?route=%2Fapi%2Fcheckout%2F%7Bid%7D&method=POST&service=shop",
                "Authorization", bearer())
            .body();
    assertThat(route)
        .contains("\"latency_over_time\"")
        .contains(ServeData.HOT_FRAME)
        .contains("\"requests\":1");
    HttpResponse<String> request =
        get("/api/v1/request?trace_id=" + ServeData.TRACE, "Authorization", bearer());
    assertThat(request.body())
        .contains("\"spans\":[{")
        .contains(ServeData.N_PLUS_ONE)
        .contains(ServeData.MESSAGE);
    assertThat(
            get("/api/v1/request?trace_id=" + "0".repeat(32), "Authorization", bearer())
                .statusCode())
        .isEqualTo(404);
    assertThat(get("/api/v1/request?trace_id=nothex", "Authorization", bearer()).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/v1/compare?versions=1.0.0,1.1.0", "Authorization", bearer()).body())
        .contains("\"mode\":\"versions\"")
        .contains("\"p_value\"");
    assertThat(get("/api/v1/errors", "Authorization", bearer()).body())
        .contains("\"recent_errors\"");
    assertThat(get("/api/v1/status", "Authorization", bearer()).body())
        .contains("\"stored\":241")
        .contains("\"1.1.0\"");
  }

  private static void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!dashboard.ready() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(dashboard.ready()).isTrue();
  }

  private static void securityHeaders(HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void listensOnLoopback() {
    URI base = dashboard.base();
    assertThat(base.getHost()).isEqualTo("127.0.0.1");
  }
}
