package io.reqlens.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.instrumentation.testkit.AbstractHttpServerTest;
import io.reqlens.instrumentation.testkit.HttpServerAdapter;
import io.reqlens.instrumentation.testkit.SpanView;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The kit against the servlet filter on embedded Jetty 12, plus servlet-only behaviour. */
class ServletFilterTest extends AbstractHttpServerTest {

  @Override
  protected HttpServerAdapter createAdapter() {
    return new JettyServletAdapter();
  }

  @Test
  void asyncRequestEndsWhenTheResponseCompletes() throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = get(JettyServletAdapter.ASYNC);
    assertThat(response.body()).isEqualTo("done");

    SpanView span = takeServerSpan();
    assertThat(span.attribute("http.route")).isEqualTo(JettyServletAdapter.ASYNC);
    assertThat(span.attribute("http.response.status_code")).isEqualTo(200L);
    assertThat(span.attribute("http.response.body.size")).isEqualTo(4L);
    assertThat(System.nanoTime() - start).isGreaterThan(100_000_000L);
  }

  @Test
  void frameworkSetsTheRouteTemplate() throws Exception {
    assertThat(get("/framework/abc").statusCode()).isEqualTo(200);

    SpanView span = takeServerSpan();
    assertThat(span.attribute("http.route")).isEqualTo(JettyServletAdapter.FRAMEWORK_ROUTE);
    assertThat(span.name()).isEqualTo("GET " + JettyServletAdapter.FRAMEWORK_ROUTE);
  }
}
