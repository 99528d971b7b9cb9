package io.reqlens.collector;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Validates component configs with networknt json-schema-validator (JSON Schema 2020-12). The
 * library resolves every {@code $ref} itself: it asks this class's resource loader for each IRI
 * under {@link SchemaAdapter#BASE}, which answers with the adapted copy of that schema file.
 * Nothing is fetched from the network.
 */
final class ComponentSchemas {

  private final SchemaRegistry registry;
  private final Map<String, Schema> compiled = new HashMap<>();

  ComponentSchemas(SchemaAdapter adapter) {
    ResourceLoader loader =
        iri -> {
          String s = iri.toString();
          if (!s.startsWith(SchemaAdapter.BASE)) {
            return null;
          }
          String file = s.substring(SchemaAdapter.BASE.length());
          if (!adapter.exists(file)) {
            return null;
          }
          byte[] json = adapter.adaptedJson(file);
          InputStreamSource source = () -> new ByteArrayInputStream(json);
          return source;
        };
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.resourceLoaders(loaders -> loaders.add(loader)));
  }

  /**
   * Validates {@code config} against a schema file ({@code exporters/otlp_grpc.schema.yaml}, or
   * {@code local/...}); returns one line per violation, {@code /json/pointer: message}.
   */
  List<String> validate(String schemaFile, JsonNode config) {
    Schema schema =
        compiled.computeIfAbsent(
            schemaFile, f -> registry.getSchema(SchemaLocation.of(SchemaAdapter.BASE + f)));
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(config)) {
      out.add(pointer(e) + ": " + readable(e));
    }
    return out;
  }

  private static String pointer(Error e) {
    String at = e.getInstanceLocation().toString();
    return at.isEmpty() ? "/" : at;
  }

  private static String readable(Error e) {
    String message = e.getMessage();
    if ("propertyNames".equals(e.getKeyword())) {
      List<String> known = new ArrayList<>();
      e.getSchemaNode().path("enum").forEach(n -> known.add(n.asString()));
      return "unknown key '"
          + e.getProperty()
          + "' (the Collector rejects it); known keys: "
          + String.join(", ", known);
    }
    if (message.contains(SchemaAdapter.DURATION_OR_PLACEHOLDER)) {
      return "is not a Go duration (5s, 1m30s, 500ms) or a ${...} placeholder";
    }
    if (message.contains(SchemaAdapter.PLACEHOLDER)) {
      return "is a string where a number or boolean is expected"
          + " (only a whole ${...} placeholder may stand in for one)";
    }
    return message;
  }
}
