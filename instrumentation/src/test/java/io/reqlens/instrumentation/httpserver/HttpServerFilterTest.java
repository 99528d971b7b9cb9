package io.reqlens.instrumentation.httpserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.instrumentation.testkit.AbstractHttpServerTest;
import io.reqlens.instrumentation.testkit.HttpServerAdapter;
import io.reqlens.instrumentation.testkit.SpanView;
import org.junit.jupiter.api.Test;

/** The kit against the JDK HttpServer filter, plus its own route API. */
class HttpServerFilterTest extends AbstractHttpServerTest {

  @Override
  protected HttpServerAdapter createAdapter() {
    return new JdkHttpServerAdapter();
  }

  @Test
  void handlerSetsTheRouteTemplate() throws Exception {
    assertThat(get("/framework/abc").statusCode()).isEqualTo(200);

    SpanView span = takeServerSpan();
    assertThat(span.attribute("http.route")).isEqualTo(JdkHttpServerAdapter.FRAMEWORK_ROUTE);
    assertThat(span.name()).isEqualTo("GET " + JdkHttpServerAdapter.FRAMEWORK_ROUTE);
  }
}
