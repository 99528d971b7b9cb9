package io.reqlens.collector;

import io.reqlens.collector.Problem.Kind;
import io.reqlens.collector.SchemaIndex.Component;
import io.reqlens.collector.SchemaIndex.Lookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a Collector config file the way {@code otelcol-contrib validate} would, without the
 * binary: each component's type against the index and its config against its JSON schema, the
 * service and pipeline structure the Collector hand-codes (collector-schemas README, "Top-level and
 * service structure"), a few required fields no schema marks, and that every {@code ${env:...}}
 * placeholder is documented in the README.
 */
final class ConfigChecker {

  /** What a check found, and which components it validated against which schema file. */
  record Report(List<Problem> problems, Map<String, String> schemaOfComponent) {}

  private static final Set<String> TOP_LEVEL =
      Set.of("receivers", "processors", "exporters", "connectors", "extensions", "service");
  private static final Set<String> SERVICE_KEYS = Set.of("extensions", "pipelines", "telemetry");
  private static final Set<String> PIPELINE_KEYS = Set.of("receivers", "processors", "exporters");
  // Component IDs (component.ID) and pipeline IDs (pipeline.ID), as the Collector validates them.
  private static final Pattern ID =
      Pattern.compile("([a-zA-Z][0-9a-zA-Z_]{0,62})(?:/([^\\p{Z}\\p{C}\\p{S}]+))?");
  private static final Pattern PIPELINE_ID =
      Pattern.compile("(traces|metrics|logs|profiles)(?:/[^\\p{Z}\\p{C}\\p{S}]+)?");
  private static final Pattern CONNECTOR_SIGNALS = Pattern.compile("\\((\\w+)_to_(\\w+)\\)");

  /** Fields naming an extension (component.ID values), wherever they appear. */
  private static final Set<String> EXTENSION_ID_FIELDS = Set.of("storage", "authenticator");

  private final SchemaIndex index;
  private final SchemaAdapter adapter;
  private final ComponentSchemas schemas;

  ConfigChecker(SchemaIndex index, SchemaAdapter adapter, ComponentSchemas schemas) {
    this.index = index;
    this.adapter = adapter;
    this.schemas = schemas;
  }

  Report check(Path config, String readme) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> validated = new LinkedHashMap<>();
    String name = config.getFileName().toString();
    JsonNode doc;
    try {
      doc = Yaml.parse(Files.readString(config));
    } catch (JacksonException e) {
      problems.add(new Problem(Kind.YAML, name, e.getOriginalMessage()));
      return new Report(problems, validated);
    }
    if (!doc.isObject()) {
      problems.add(new Problem(Kind.STRUCTURE, name, "not a mapping"));
      return new Report(problems, validated);
    }
    doc.propertyNames().stream()
        .filter(k -> !TOP_LEVEL.contains(k))
        .forEach(k -> problems.add(new Problem(Kind.STRUCTURE, k, "unknown top-level key")));

    Map<SchemaIndex.Kind, Map<String, Component>> defined = new EnumMap<>(SchemaIndex.Kind.class);
    for (SchemaIndex.Kind kind : SchemaIndex.Kind.values()) {
      defined.put(kind, components(kind, doc.path(kind.section), problems, validated));
    }
    for (String id : defined.get(SchemaIndex.Kind.CONNECTOR).keySet()) {
      if (defined.get(SchemaIndex.Kind.RECEIVER).containsKey(id)
          || defined.get(SchemaIndex.Kind.EXPORTER).containsKey(id)) {
        problems.add(
            new Problem(Kind.STRUCTURE, "connectors." + id, "also a receiver or exporter ID"));
      }
    }
    Set<String> enabledExtensions = service(doc.path("service"), defined, problems);
    extensionReferences(doc, enabledExtensions, problems);
    Placeholders.checkDocumented(name, Placeholders.envNames(doc, problems), readme, problems);
    return new Report(problems, validated);
  }

  private Map<String, Component> components(
      SchemaIndex.Kind kind,
      JsonNode section,
      List<Problem> problems,
      Map<String, String> validated) {
    Map<String, Component> out = new LinkedHashMap<>();
    if (section.isMissingNode() || section.isNull()) {
      return out;
    }
    if (!section.isObject()) {
      problems.add(new Problem(Kind.STRUCTURE, kind.section, "not a mapping of component IDs"));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : section.properties()) {
      String id = e.getKey();
      String where = kind.section + "." + id;
      Matcher m = ID.matcher(id);
      if (!m.matches()) {
        problems.add(new Problem(Kind.STRUCTURE, where, "not a component ID (type[/name])"));
        continue;
      }
      Optional<Lookup> found = index.lookup(kind, m.group(1));
      if (found.isEmpty()) {
        problems.add(
            new Problem(
                Kind.UNKNOWN_TYPE,
                where,
                "no "
                    + kind.name().toLowerCase(Locale.ROOT)
                    + " type '"
                    + m.group(1)
                    + "' in index.yaml; known: "
                    + index.typesOf(kind)));
        // Still defined, so pipelines naming it report only this problem.
        out.put(id, new Component(kind, m.group(1), List.of(), "unknown", Set.of(), null));
        continue;
      }
      Component c = found.get().component();
      out.put(id, c);
      if (found.get().viaAlias()) {
        problems.add(
            new Problem(
                Kind.DEPRECATED_ALIAS,
                where,
                "'" + m.group(1) + "' is a deprecated alias; use '" + c.type() + "'"));
      }
      JsonNode config = e.getValue().isNull() ? Yaml.parse("{}") : e.getValue();
      validate(c, where, config, problems, validated);
      Required.check(c, where, config, problems);
    }
    return out;
  }

  private void validate(
      Component c, String where, JsonNode config, List<Problem> problems, Map<String, String> ok) {
    String file = c.schemaFile();
    if (file == null) {
      String local = SchemaAdapter.LOCAL + c.kind().section + "/" + c.type() + ".schema.yaml";
      if (!adapter.exists(local)) {
        problems.add(new Problem(Kind.NO_SCHEMA, where, "no schema for '" + c.type() + "'"));
        return;
      }
      file = local;
    }
    if (!adapter.exists(file)) {
      problems.add(
          new Problem(
              Kind.NO_SCHEMA,
              where,
              file
                  + " is not in the vendored schemas; copy it (and what its $refs reach)"
                  + " unchanged from ../shared/collector-schemas"));
      return;
    }
    ok.put(where, file);
    for (String error : schemas.validate(file, config)) {
      problems.add(new Problem(Kind.SCHEMA, where, error));
    }
  }

  /** Checks service and its pipelines; returns the extensions service.extensions enables. */
  private Set<String> service(
      JsonNode service,
      Map<SchemaIndex.Kind, Map<String, Component>> defined,
      List<Problem> problems) {
    Set<String> enabled = new LinkedHashSet<>();
    if (!service.isObject()) {
      problems.add(new Problem(Kind.STRUCTURE, "service", "missing"));
      return enabled;
    }
    service.propertyNames().stream()
        .filter(k -> !SERVICE_KEYS.contains(k))
        .forEach(k -> problems.add(new Problem(Kind.STRUCTURE, "service." + k, "unknown key")));
    Map<String, Component> extensions = defined.get(SchemaIndex.Kind.EXTENSION);
    for (JsonNode ext : service.path("extensions")) {
      String id = ext.asString();
      enabled.add(id);
      if (!extensions.containsKey(id)) {
        problems.add(
            new Problem(Kind.UNDEFINED_REFERENCE, "service.extensions", "'" + id + "' undefined"));
      }
    }
    extensions.keySet().stream()
        .filter(id -> !enabled.contains(id))
        .forEach(
            id ->
                problems.add(
                    new Problem(
                        Kind.UNUSED, "extensions." + id, "not listed in service.extensions")));
    new Pipelines(defined, problems).check(service.path("pipelines"));
    return enabled;
  }

  private static void extensionReferences(
      JsonNode doc, Set<String> enabledExtensions, List<Problem> problems) {
    for (SchemaIndex.Kind kind : SchemaIndex.Kind.values()) {
      for (Map.Entry<String, JsonNode> e : doc.path(kind.section).properties()) {
        findExtensionIds(
            e.getValue(), kind.section + "." + e.getKey(), enabledExtensions, problems);
      }
    }
  }

  private static void findExtensionIds(
      JsonNode node, String path, Set<String> enabled, List<Problem> problems) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String child = path + "." + e.getKey();
      if (EXTENSION_ID_FIELDS.contains(e.getKey()) && e.getValue().isString()) {
        String id = e.getValue().asString();
        if (!enabled.contains(id)) {
          problems.add(
              new Problem(
                  Kind.UNDEFINED_REFERENCE,
                  child,
                  "'" + id + "' is not an extension listed in service.extensions"));
        }
      }
      if (e.getValue().isObject()) {
        findExtensionIds(e.getValue(), child, enabled, problems);
      }
    }
  }

  /** The signals a connector turns from (exporter side) and into (receiver side). */
  static Optional<String[]> connectorSignals(Component c) {
    Matcher m = CONNECTOR_SIGNALS.matcher(c.tracesStability());
    return m.find() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
  }

  static Pattern pipelineId() {
    return PIPELINE_ID;
  }

  static Set<String> pipelineKeys() {
    return PIPELINE_KEYS;
  }
}
