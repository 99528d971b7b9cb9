package io.reqlens.examples;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/**
 * The app of the HTTP-server test kit ({@code reqlens-instrumentation}'s test-jar), under {@value
 * #PREFIX}, so the kit's assertions run against this real service in both modes. None of these
 * touches the database: the kit counts every span a request makes.
 *
 * <ul>
 *   <li>{@code GET /kit/hello}: 200, {@code héllo} as {@code text/plain; charset=utf-8} (6 bytes);
 *   <li>{@code GET /kit/users/{id}}: 200, {@code user <id>};
 *   <li>{@code GET /kit/error}: the handler answers 500 itself (no exception), body {@code error};
 *   <li>{@code POST /kit/exception}: throws {@code IllegalStateException("boom")};
 *   <li>{@code POST /kit/echo}: the request body, byte for byte;
 *   <li>{@code GET /kit/child}: makes an INTERNAL span named {@code child}, then answers 200;
 *   <li>{@code GET /kit/health}: 200, {@code ok} (the kit excludes it);
 *   <li>anything else under {@code /kit} is 404.
 * </ul>
 */
final class KitRoutes {

  static final String PREFIX = "/kit";

  private KitRoutes() {}

  static void register(RoutesConfig routes) {
    routes.get(
        PREFIX + "/hello", ctx -> ctx.contentType("text/plain; charset=utf-8").result("héllo"));
    routes.get(PREFIX + "/users/{id}", ctx -> text(ctx, "user " + ctx.pathParam("id")));
    routes.get(
        PREFIX + "/error",
        ctx -> {
          ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
          text(ctx, "error");
        });
    routes.post(
        PREFIX + "/exception",
        ctx -> {
          throw new IllegalStateException("boom");
        });
    routes.post(PREFIX + "/echo", ctx -> ctx.result(ctx.bodyAsBytes()));
    routes.get(PREFIX + "/child", KitRoutes::child);
    routes.get(PREFIX + "/health", ctx -> text(ctx, "ok"));
  }

  /**
   * Code that makes its own span: through {@code GlobalOpenTelemetry}, which is the agent's SDK
   * (bridged) in agent mode and the autoconfigured one in library mode; a no-op without either.
   */
  private static void child(Context ctx) {
    Tracer tracer = GlobalOpenTelemetry.getTracer("io.reqlens.examples");
    tracer.spanBuilder("child").startSpan().end();
    text(ctx, "child");
  }

  private static void text(Context ctx, String body) {
    ctx.contentType("text/plain; charset=utf-8").result(body);
  }
}
