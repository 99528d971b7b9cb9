package io.reqlens.collector;

import io.reqlens.collector.Problem.Kind;
import io.reqlens.collector.SchemaIndex.Component;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Fields the Collector requires at start-up that no schema marks as required (collector-schemas
 * README, point 8), for the components these configs use. Each rule names the upstream check it
 * mirrors; the list is short on purpose: a missing rule validates less, a wrong one blocks a valid
 * file.
 */
final class Required {

  // tail_sampling policy types that take no configuration block of their own.
  private static final Set<String> POLICIES_WITHOUT_BLOCK = Set.of("always_sample", "trace_flags");
  private static final List<String> RESOLVERS = List.of("static", "dns", "k8s", "aws_cloud_map");

  private Required() {}

  static void check(Component c, String where, JsonNode config, List<Problem> problems) {
    switch (c.kind() + "/" + c.type()) {
      case "EXPORTER/otlp_grpc" -> need(config, "endpoint", where, problems);
      case "EXPORTER/otlp_http" -> {
        // otlphttpexporter's Validate: endpoint, or one per-signal endpoint.
        if (!config.has("endpoint")
            && !config.has("traces_endpoint")
            && !config.has("metrics_endpoint")
            && !config.has("logs_endpoint")) {
          missing("endpoint (or traces_endpoint/metrics_endpoint/logs_endpoint)", where, problems);
        }
      }
      case "PROCESSOR/memory_limiter" -> {
        // memorylimiter's Validate: a positive check_interval and one of the two limits.
        need(config, "check_interval", where, problems);
        if (!config.has("limit_mib") && !config.has("limit_percentage")) {
          missing("limit_mib or limit_percentage", where, problems);
        }
      }
      case "PROCESSOR/tail_sampling" -> tailSampling(config, where, problems);
      case "RECEIVER/otlp_json_file" -> {
        // fileconsumer's Build: "'include' must be specified".
        if (!config.path("include").isArray() || config.path("include").isEmpty()) {
          missing("include (a non-empty list of globs)", where, problems);
        }
      }
      case "EXPORTER/load_balancing" -> {
        if (RESOLVERS.stream().noneMatch(r -> config.path("resolver").has(r))) {
          missing("resolver (one of " + RESOLVERS + ")", where, problems);
        }
      }
      default -> {}
    }
  }

  private static void tailSampling(JsonNode config, String where, List<Problem> problems) {
    JsonNode policies = config.path("policies");
    if (!policies.isArray() || policies.isEmpty()) {
      missing("policies", where, problems);
      return;
    }
    for (int i = 0; i < policies.size(); i++) {
      JsonNode policy = policies.get(i);
      String at = where + ".policies[" + i + "]";
      need(policy, "name", at, problems);
      need(policy, "type", at, problems);
      String type = policy.path("type").asString("");
      // Each policy type reads the block of the same name ("type: latency" reads "latency:").
      if (!type.isEmpty() && !POLICIES_WITHOUT_BLOCK.contains(type) && !policy.has(type)) {
        missing(type + " (the block for type " + type + ")", at, problems);
      }
    }
  }

  private static void need(JsonNode config, String key, String where, List<Problem> problems) {
    if (!config.has(key) || config.get(key).isNull()) {
      missing(key, where, problems);
    }
  }

  private static void missing(String what, String where, List<Problem> problems) {
    problems.add(new Problem(Kind.REQUIRED, where, "missing " + what));
  }
}
