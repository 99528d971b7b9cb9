package io.reqlens.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Events of stack-sampled requests and of an N+1 with its caller, as the req exporter writes. */
final class ProfileEvents {

  private static final long T0 = 1_795_165_000_000_000_000L;

  private ProfileEvents() {}

  /**
   * Two requests of GET /api/cpu: one kept with probability 1 (8 samples computing, 2 sleeping),
   * one kept with probability 1/4 (2 samples sleeping, so it stands for 4 requests: 8). Weighted,
   * sleeping is 10 of 18 (55.6 %); unweighted it would be 4 of 12. Sampled time per request,
   * weighted: (1 x 100 ms + 4 x 20 ms) / 5 = 36 ms.
   */
  static void write(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(req("a1", "/api/cpu", 1.0, 300));
    lines.add(
        prof(
            "a1",
            "/api/cpu",
            1.0,
            10,
            "java.lang.Thread.run;com.acme.Api.cpu;com.acme.Api.compute 8",
            "java.lang.Thread.run;com.acme.Api.cpu;java.lang.Thread.sleep;[TIMED_WAITING] 2"));
    lines.add(req("b2", "/api/cpu", 0.25, 200));
    lines.add(
        prof(
            "b2",
            "/api/cpu",
            0.25,
            2,
            "java.lang.Thread.run;com.acme.Api.cpu;java.lang.Thread.sleep;[TIMED_WAITING] 2"));
    for (int i = 0; i < 6; i++) {
      lines.add(
          db(
              "c3",
              "SELECT name FROM users WHERE id = ?",
              i < 2 ? null : "com.acme.Orders.user(Orders.java:42)"));
    }
    lines.add(req("c3", "/api/orders", 1.0, 5));
    Files.write(dir.resolve("events-1.jsonl"), lines, StandardCharsets.UTF_8);
  }

  static String trace(String id) {
    return "0".repeat(32 - id.length()) + id;
  }

  private static String req(String id, String route, double rate, long ms) {
    return String.format(
        "{\"kind\":\"REQ\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"00000000000000%s\","
            + "\"service\":\"shop\",\"service_version\":null,\"sample_rate\":%s,\"method\":\"GET\","
            + "\"route\":\"%s\",\"path\":\"%s\",\"status\":200,\"dur_ns\":%d,\"bytes_in\":null,"
            + "\"bytes_out\":null,\"error\":false,\"db_count\":null,\"db_dur_ns\":null}",
        T0, trace(id), id, rate, route, route, ms * 1_000_000L);
  }

  private static String prof(String id, String route, double rate, long samples, String... stacks) {
    StringBuilder s = new StringBuilder();
    for (String stack : stacks) {
      s.append(s.length() == 0 ? "" : ",").append('"').append(stack).append('"');
    }
    return String.format(
        "{\"kind\":\"PROF\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"00000000000000%s\","
            + "\"service\":\"shop\",\"service_version\":null,\"sample_rate\":%s,\"route\":\"%s\","
            + "\"interval_ns\":10000000,\"samples\":%d,\"stacks\":[%s]}",
        T0, trace(id), id, rate, route, samples, s);
  }

  private static String db(String id, String query, String caller) {
    return String.format(
        "{\"kind\":\"DB\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"00000000000000ff\","
            + "\"service\":\"shop\",\"service_version\":null,\"sample_rate\":1.0,"
            + "\"parent_span_id\":\"00000000000000%s\",\"db_system\":\"h2\",\"operation\":\"SELECT\","
            + "\"collection\":\"users\",\"query\":\"%s\",\"dur_ns\":1000000,\"rows\":null,"
            + "\"error\":false,\"caller\":%s}",
        T0, trace(id), id, query, caller == null ? "null" : "\"" + caller + "\"");
  }
}
