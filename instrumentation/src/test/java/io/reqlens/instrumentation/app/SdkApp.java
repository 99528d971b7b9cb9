package io.reqlens.instrumentation.app;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.reqlens.instrumentation.httpserver.HttpServerTelemetry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * An SDK-autoconfigure app using the library instrumentation, run in a child JVM by {@code
 * NoSideEffectsIT}: it serves one request through the {@code HttpServer} filter, prints what it
 * found, and closes the SDK (which flushes the exporters).
 */
public final class SdkApp {

  private SdkApp() {}

  public static void main(String[] args) throws Exception {
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
    System.out.println("sampler=" + sdk.getSdkTracerProvider().getSampler().getDescription());
    System.out.println("tracerProvider=" + sdk.getSdkTracerProvider());
    System.out.println("reqlens-sampler on the class path: " + onClassPath());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
    server
        .createContext(
            "/hello",
            exchange -> {
              exchange.sendResponseHeaders(200, body.length);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
            })
        .getFilters()
        .add(HttpServerTelemetry.create(sdk).createFilter());
    server.start();
    try {
      URL url = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/hello?page=2");
      HttpURLConnection connection = (HttpURLConnection) url.openConnection();
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      System.out.println("status=" + connection.getResponseCode());
    } finally {
      server.stop(0);
      sdk.close();
    }
  }

  private static boolean onClassPath() {
    try {
      Class.forName("io.reqlens.sampler.ReqlensSampler");
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
