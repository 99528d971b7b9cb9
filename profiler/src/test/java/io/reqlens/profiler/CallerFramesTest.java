package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reqlens.examples.fixture.ExampleRoutes;
import io.reqlens.profiler.fixture.driver.FakeStatement;
import io.reqlens.profiler.fixture.shop.OrderController;
import io.reqlens.profiler.fixture.shop.OrderRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The N+1 caller: the stack is "application" code (io.reqlens.profiler.fixture.shop, kept by a
 * prefix as an application's would be) over a "driver" (a fixture in a Reqlens package, skipped as
 * Reqlens is) over Reqlens (this test, standing for the processor's hook), on the thread that ran
 * the statement.
 */
class CallerFramesTest {

  private static int lineOf(String file, String marker) throws IOException {
    List<String> lines = Files.readAllLines(Paths.get("src/test/java", file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// " + marker)) {
        return i + 1;
      }
    }
    throw new AssertionError(marker + " not in " + file);
  }

  /** The shop fixture stands for an application: kept although it sits in a Reqlens package. */
  private static final String SHOP = "io.reqlens.profiler.fixture.shop.";

  private static OrderController controller(CallerFrames callers) {
    return new OrderController(new OrderRepository(new FakeStatement(callers::find)));
  }

  @Test
  void findsTheApplicationMethodAndLineThatIssuedTheStatement() throws IOException {
    String caller = controller(CallerFrames.defaults().withKeptPrefixes(SHOP)).list();

    assertThat(caller)
        .isEqualTo(
            "io.reqlens.profiler.fixture.shop.OrderRepository.findItems(OrderRepository.java:"
                + lineOf("io/reqlens/profiler/fixture/shop/OrderRepository.java", "CALL SITE")
                + ")");
  }

  @Test
  void onlyTheKeptPrefixesOverrideTheSkippedOnes() throws IOException {
    CallerFrames callers = CallerFrames.defaults().withKeptPrefixes(SHOP + "OrderController");

    assertThat(controller(callers).list())
        .isEqualTo(
            "io.reqlens.profiler.fixture.shop.OrderController.list(OrderController.java:"
                + lineOf(
                    "io/reqlens/profiler/fixture/shop/OrderController.java", "CONTROLLER CALL SITE")
                + ")");
  }

  @Test
  void theExamplesAreApplicationCodeInsideReqlens() throws IOException {
    String caller = ExampleRoutes.orders(new FakeStatement(CallerFrames.defaults()::find));

    assertThat(caller)
        .isEqualTo(
            "io.reqlens.examples.fixture.ExampleRoutes.orders(ExampleRoutes.java:"
                + lineOf("io/reqlens/examples/fixture/ExampleRoutes.java", "EXAMPLE CALL SITE")
                + ")");
  }

  @Test
  void skipsTheListedPrefixesOnPackageBoundaries() {
    CallerFrames callers = CallerFrames.defaults();

    assertThat(callers.isSkipped("java.sql.PreparedStatement")).isTrue();
    assertThat(callers.isSkipped("org.h2.jdbc.JdbcPreparedStatement")).isTrue();
    assertThat(callers.isSkipped("org.h2xyz.Repo")).as("not a package of org.h2").isFalse();
    assertThat(callers.isSkipped("com.zaxxer.hikari.pool.HikariProxyPreparedStatement")).isTrue();
    assertThat(callers.isSkipped("org.hibernate.loader.Loader")).isTrue();
    assertThat(callers.isSkipped("io.opentelemetry.javaagent.shaded.Foo")).isTrue();
    assertThat(callers.isSkipped("io.reqlens.sampler.LocalTraceProcessor")).isTrue();
    assertThat(callers.isSkipped("io.reqlens.examples.ApiRoutes")).isFalse();
    assertThat(callers.isSkipped("jdk.proxy2.$Proxy12")).isTrue();
    assertThat(callers.isSkipped(SHOP + "OrderRepository")).as("a Reqlens package").isTrue();
    assertThat(callers.withKeptPrefixes(SHOP).isSkipped(SHOP + "OrderRepository")).isFalse();
    assertThat(callers.withKeptPrefixes("org.h2.tools").isSkipped("org.h2.tools.Server")).isFalse();
    assertThat(callers.withSkippedPrefixes("com.acme").isSkipped("com.acme$Inner")).isTrue();
  }

  @Test
  void returnsNullWhenEveryFrameIsSkipped() throws InterruptedException {
    CallerFrames all = CallerFrames.defaults().withSkippedPrefixes("org", "com", "io");
    String[] seen = {"unset"};
    Thread thread = new Thread(() -> seen[0] = all.find());
    thread.start();
    thread.join();

    assertThat(seen[0]).isNull();
  }

  @Test
  void rejectsEmptyPrefixes() {
    assertThatThrownBy(() -> CallerFrames.defaults().withSkippedPrefixes(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "skipped prefix must be a non-empty package or class name without spaces, got ''");
  }
}
