package io.reqlens.collector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The {@code index.yaml} of a collector-schemas folder: every component (kind, current type name,
 * deprecated aliases, signal stability, schema file) and every file (repository, Go package).
 *
 * <p>Why read the index instead of listing the folder? The index is the folder's own contract (see
 * its README): it says which name is current and which is a deprecated alias, and which Go package
 * a file describes, which is what {@code $ref} strings name.
 */
final class SchemaIndex {

  /** A top-level section of a Collector config and the component kind it holds. */
  enum Kind {
    RECEIVER("receivers"),
    PROCESSOR("processors"),
    EXPORTER("exporters"),
    CONNECTOR("connectors"),
    EXTENSION("extensions");

    final String section;

    Kind(String section) {
      this.section = section;
    }

    static Optional<Kind> ofIndexName(String name) {
      for (Kind k : values()) {
        if (k.name().toLowerCase(Locale.ROOT).equals(name)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** One component row. {@code schemaFile} is null where no upstream schema exists. */
  record Component(
      Kind kind,
      String type,
      List<String> aliases,
      String tracesStability,
      Set<String> otherSignals,
      String schemaFile) {

    /** Whether the index says this component handles {@code signal}; empty when it does not say. */
    Optional<Boolean> supports(String signal) {
      if (signal.equals("traces")) {
        return Optional.of(!tracesStability.startsWith("n/a"));
      }
      return otherSignals.isEmpty() ? Optional.empty() : Optional.of(otherSignals.contains(signal));
    }
  }

  /** A component found by name, and whether the name was a deprecated alias. */
  record Lookup(Component component, boolean viaAlias) {}

  private static final Map<String, String> MODULE_OF_REPOSITORY =
      Map.of(
          "open-telemetry/opentelemetry-collector", "go.opentelemetry.io/collector",
          "open-telemetry/opentelemetry-collector-contrib",
              "github.com/open-telemetry/opentelemetry-collector-contrib");

  private final List<Component> components = new ArrayList<>();
  private final Map<String, String> packageOfFile = new HashMap<>();
  private final Map<String, String> moduleOfFile = new HashMap<>();
  private final Map<String, String> yamlFileOfPackage = new HashMap<>();

  private SchemaIndex() {}

  static SchemaIndex load(Path folder) throws IOException {
    JsonNode root = Yaml.read(folder.resolve("index.yaml"));
    SchemaIndex index = new SchemaIndex();
    for (JsonNode c : root.path("components")) {
      Kind kind =
          Kind.ofIndexName(c.path("kind").asString())
              .orElseThrow(() -> new IOException("index.yaml: unknown kind in " + c));
      List<String> aliases = new ArrayList<>();
      c.path("deprecated_aliases").forEach(a -> aliases.add(a.asString()));
      Set<String> other = new TreeSet<>();
      c.path("other_stability").forEach(level -> level.forEach(s -> other.add(s.asString())));
      JsonNode schema = c.path("schema_file");
      index.components.add(
          new Component(
              kind,
              c.path("type").asString(),
              List.copyOf(aliases),
              c.path("traces_stability").asString(),
              Set.copyOf(other),
              schema.isNull() || schema.isMissingNode() ? null : schema.asString()));
    }
    for (JsonNode f : root.path("files")) {
      String file = f.path("file").asString();
      String pkg = f.path("go_package").asString();
      index.packageOfFile.put(file, pkg);
      index.moduleOfFile.put(file, MODULE_OF_REPOSITORY.get(f.path("repository").asString()));
      if (file.endsWith(".schema.yaml")) {
        index.yamlFileOfPackage.put(pkg, file);
      }
    }
    return index;
  }

  /** Finds a component by its current type name first, then by a deprecated alias. */
  Optional<Lookup> lookup(Kind kind, String type) {
    for (Component c : components) {
      if (c.kind == kind && c.type.equals(type)) {
        return Optional.of(new Lookup(c, false));
      }
    }
    for (Component c : components) {
      if (c.kind == kind && c.aliases.contains(type)) {
        return Optional.of(new Lookup(c, true));
      }
    }
    return Optional.empty();
  }

  /** The current type names of a kind, for messages. */
  Set<String> typesOf(Kind kind) {
    Set<String> out = new LinkedHashSet<>();
    components.stream().filter(c -> c.kind == kind).forEach(c -> out.add(c.type));
    return out;
  }

  /**
   * The Go package a file describes, e.g. {@code go.opentelemetry.io/collector/config/configgrpc}.
   */
  Optional<String> packageOf(String file) {
    return Optional.ofNullable(packageOfFile.get(file));
  }

  /** The Go module root of the repository a file came from (where {@code /path} refs start). */
  Optional<String> moduleOf(String file) {
    return Optional.ofNullable(moduleOfFile.get(file));
  }

  /** The YAML schema file describing a Go package, if the folder has one. */
  Optional<String> yamlFileOf(String goPackage) {
    return Optional.ofNullable(yamlFileOfPackage.get(goPackage));
  }
}
