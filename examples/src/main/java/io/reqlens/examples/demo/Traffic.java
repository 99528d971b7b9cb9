package io.reqlens.examples.demo;

import io.reqlens.examples.launch.ServiceClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Sends a weighted mix of requests to every endpoint from a few client threads, and remembers the
 * trace id of each (from {@code traceresponse}), kept or not.
 */
final class Traffic {

  /**
   * One kind of request.
   *
   * @param label the table row: method and route template
   * @param weight how often it is picked, relative to the others
   * @param path the request path (query included) for a random source
   * @param fromUpstream whether it carries a sampled {@code traceparent}, as if an upstream service
   *     had kept the trace
   */
  record Endpoint(
      String label, int weight, Function<ThreadLocalRandom, String> path, boolean fromUpstream) {

    String method() {
      return label.substring(0, label.indexOf(' '));
    }
  }

  /**
   * A request sent: its endpoint, request path (without query), trace id, and whether the showcase
   * configuration keeps it whatever its timing: chosen at its start ({@code traceresponse} says
   * sampled) or failed (keep-errors). A slow one is kept too, but only its server span knows it.
   */
  record Sent(Endpoint endpoint, String path, String traceId, boolean certain) {}

  static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint("GET /api/users", 4, r -> "/api/users", false),
          new Endpoint("GET /api/users", 1, r -> "/api/users", true),
          new Endpoint("GET /api/users/{id}", 4, r -> "/api/users/" + r.nextInt(1, 16), false),
          new Endpoint("POST /api/users", 1, r -> "/api/users", false),
          new Endpoint("GET /api/orders", 2, r -> "/api/orders", false),
          // one in ten takes 600-900 ms: slower than the showcase's 500 ms, so kept as "slow"
          new Endpoint(
              "GET /api/slow",
              3,
              r -> "/api/slow?ms=" + (r.nextInt(10) == 0 ? r.nextInt(600, 900) : r.nextInt(0, 50)),
              false),
          // time spent in named code, for the report's hot code: computing (some longer than
          // 500 ms, kept as slow) and waiting for a lock another thread holds
          new Endpoint("GET /api/cpu", 1, r -> "/api/cpu?ms=" + r.nextInt(100, 600), false),
          new Endpoint("GET /api/lock", 1, r -> "/api/lock?ms=" + r.nextInt(50, 400), false),
          new Endpoint("GET /api/error", 1, r -> "/api/error", false),
          new Endpoint("GET /health", 3, r -> "/health", false),
          new Endpoint("GET /healthz", 1, r -> "/healthz", false),
          new Endpoint("GET /static/app.css", 2, r -> "/static/app.css", false));

  private static final int CLIENTS = 2;
  private static final long PAUSE_MILLIS = 20; // ~100 requests/s in all: busy, not a load test

  private final ServiceClient client;

  Traffic(ServiceClient client) {
    this.client = client;
  }

  /** Sends requests for {@code duration}; returns what was sent, in no particular order. */
  List<Sent> run(Duration duration) throws InterruptedException {
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Thread t = new Thread(() -> loop(deadline, sent), "demo-client-" + i);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    return new ArrayList<>(sent);
  }

  /** Sends one request to {@code endpoint}. */
  Sent send(Endpoint endpoint) {
    String path = endpoint.path().apply(ThreadLocalRandom.current());
    ServiceClient.Response response;
    if (endpoint.method().equals("POST")) {
      response = client.post(path, "application/json", "{\"name\":\"demo user\"}");
    } else if (endpoint.fromUpstream()) {
      response = client.get(path, upstreamTraceparent());
    } else {
      response = client.get(path);
    }
    return new Sent(
        endpoint,
        path.replaceFirst("\\?.*", ""),
        response.traceId(),
        response.sampled() || response.status() >= 500);
  }

  private void loop(long deadline, List<Sent> sent) {
    int totalWeight = ENDPOINTS.stream().mapToInt(Endpoint::weight).sum();
    while (System.nanoTime() < deadline) {
      sent.add(send(pick(ThreadLocalRandom.current().nextInt(totalWeight))));
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Endpoint pick(int ticket) {
    for (Endpoint e : ENDPOINTS) {
      ticket -= e.weight();
      if (ticket < 0) {
        return e;
      }
    }
    throw new IllegalArgumentException("ticket beyond the total weight");
  }

  /** A sampled {@code traceparent}, as an upstream service that kept its trace would send. */
  private static String upstreamTraceparent() {
    HexFormat hex = HexFormat.of();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String traceId = hex.toHexDigits(r.nextLong()) + hex.toHexDigits(r.nextLong() | 1);
    return "00-" + traceId + "-" + hex.toHexDigits(r.nextLong() | 1) + "-01";
  }
}
