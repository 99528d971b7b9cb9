package io.reqlens.collector;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Corrections for upstream schema definitions that say something the Collector does not do. Each is
 * listed in the collector-schemas README, "What a validator must know", point 5 or 7; each is
 * applied to the parsed tree only, never to the files.
 */
final class SchemaFixes {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaFixes() {}

  static JsonNode apply(String file, JsonNode doc) {
    if (!(doc instanceof ObjectNode root)) {
      return doc;
    }
    switch (file) {
      case "common/config-configtelemetry.schema.yaml" ->
          // "type: integer", but YAML says none|basic|normal|detailed (debug exporter verbosity).
          replaceDef(root, "level", stringEnum("none", "basic", "normal", "detailed"));
      case "common/connector-spanmetricsconnector-internal-metrics.schema.yaml" ->
          // span_metrics histogram.unit: "type: integer", but YAML says ms or s.
          replaceDef(root, "unit", stringEnum("ms", "s"));
      case "common/config-configopaque.schema.yaml" -> {
        // HTTP headers: a list of {name, value} pairs, or (the usual form) a plain map.
        ObjectNode mapList = NODES.objectNode();
        mapList.putArray("type").add("array").add("object");
        mapList.putObject("items").put("$ref", "pair");
        mapList.putObject("additionalProperties").put("$ref", "string");
        replaceDef(root, "map_list", mapList);
      }
      case "processors/probabilistic_sampler.schema.yaml" -> {
        // A root "allOf: [$ref: attribute_source]" (a string) would reject every config; the Go
        // field is the optional string property attribute_source.
        if (root.remove("allOf") != null) {
          ObjectNode props =
              root.get("properties") instanceof ObjectNode p ? p : root.putObject("properties");
          props.putObject("attribute_source").put("$ref", "attribute_source");
        }
      }
      default -> {}
    }
    return root;
  }

  private static void replaceDef(ObjectNode root, String def, ObjectNode schema) {
    if (root.get("$defs") instanceof ObjectNode defs && defs.has(def)) {
      defs.set(def, schema);
    }
  }

  private static ObjectNode stringEnum(String... values) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "string");
    ArrayNode e = node.putArray("enum");
    for (String v : values) {
      e.add(v);
    }
    return node;
  }
}
