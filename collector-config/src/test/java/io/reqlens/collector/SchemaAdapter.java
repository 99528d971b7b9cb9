package io.reqlens.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one upstream Collector schema file into a standard JSON Schema 2020-12 document that a
 * stock validator can load, and that is as strict and as lenient as the Collector itself.
 *
 * <p>The upstream files are kept byte for byte; every adaptation happens here, in memory, and
 * follows the collector-schemas README ("How $ref strings map to files" and "What a validator must
 * know"):
 *
 * <ul>
 *   <li>{@code $ref: <package>.<definition>} becomes an absolute IRI under {@link #BASE}, so the
 *       validator itself loads the referenced file (through {@link ComponentSchemas}'s loader) and
 *       follows the JSON pointer {@code #/$defs/<definition>}; a component package's {@code
 *       .config} is the root of its file. A reference whose target is not in the folder becomes
 *       "any value" and is recorded in {@link #danglingRefs()}.
 *   <li>Unknown keys are errors, as in the Collector (mapstructure {@code ErrorUnused}): every
 *       schema used as a value (the root, a property, an item) gets {@code unevaluatedProperties:
 *       false}, so keys contributed through {@code allOf} (squashed Go structs) and {@code $ref}
 *       still count. Definitions and {@code allOf} members are not closed themselves; maps, {@code
 *       x-customType: any} and dangling references stay open.
 *   <li>{@code x-optional} fields accept {@code null} and an extra {@code enabled} boolean; {@code
 *       x-pointer} fields accept {@code null}.
 *   <li>{@code ${...}} placeholders stand in for any scalar: integer, number and boolean fields
 *       also accept a string that is one placeholder. Durations ({@code format: duration}) must be
 *       Go durations ({@code 5s}, {@code 1m30s}) or a placeholder. A string stands in for a list of
 *       strings (the Collector splits it at commas).
 *   <li>Known upstream type mistakes are corrected by {@link SchemaFixes}.
 * </ul>
 */
final class SchemaAdapter {

  /** Where adapted upstream files live for the validator; {@code .invalid} never resolves. */
  static final String BASE = "https://collector-schemas.reqlens.invalid/";

  /** Prefix of hand-written schemas for components the upstream folder has none for. */
  static final String LOCAL = "local/";

  static final String PLACEHOLDER = "^\\$\\{[^}]+\\}$";

  // Go's time.ParseDuration units; a leading sign and a bare 0 are valid too.
  static final String DURATION_OR_PLACEHOLDER =
      "^(\\$\\{[^}]+\\}|[-+]?0|[-+]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A resolved reference: a file and a definition in it, or its root when {@code def} is null. */
  record Target(String file, String def) {
    String iri() {
      return BASE + file + (def == null ? "" : "#/$defs/" + def);
    }
  }

  /**
   * The keys an object may have: {@code names}, or any key when {@code open} (a map, "any", or a
   * part nobody described); {@code object} says whether the schema describes an object at all.
   */
  private record Keys(boolean object, boolean open, Set<String> names) {
    static final Keys NONE = new Keys(false, false, Set.of());
    static final Keys OPEN = new Keys(true, true, Set.of());

    Keys merge(Keys other) {
      if (open || other.open) {
        return OPEN;
      }
      Set<String> all = new TreeSet<>(names);
      all.addAll(other.names);
      return new Keys(object || other.object, false, all);
    }
  }

  private final SchemaIndex index;
  private final Path upstream;
  private final Path local;
  private final Map<String, JsonNode> docs = new HashMap<>();
  private final Set<String> dangling = new TreeSet<>();

  SchemaAdapter(SchemaIndex index, Path upstream, Path local) {
    this.index = index;
    this.upstream = upstream;
    this.local = local;
  }

  /** The references met so far that point outside the folder, as {@code file: ref}. */
  Set<String> danglingRefs() {
    return dangling;
  }

  /** Whether a schema file (upstream path, or {@code local/...}) exists. */
  boolean exists(String file) {
    return Files.isRegularFile(pathOf(file));
  }

  /** The adapted JSON Schema of a file, as JSON bytes for the validator's resource loader. */
  byte[] adaptedJson(String file) {
    return Yaml.toJson(adapt(file));
  }

  ObjectNode adapt(String file) {
    ObjectNode out = (ObjectNode) adaptSchema(file, doc(file), true);
    ObjectNode head = NODES.objectNode();
    head.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    head.put("$id", BASE + file);
    head.setAll(out);
    return head;
  }

  /** Every file the given one reaches through {@code $ref}s, itself included. */
  Set<String> reachableFrom(String file) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(file);
    while (!todo.isEmpty()) {
      String f = todo.remove();
      if (seen.add(f)) {
        // Every file a ref names, also when the definition is missing from it: the adapter
        // opens the file to find that out.
        doc(f)
            .findValues("$ref")
            .forEach(ref -> targetFile(f, ref.asString()).ifPresent(todo::add));
      }
    }
    return seen;
  }

  /**
   * Resolves an upstream {@code $ref} string found in {@code file}; empty when its target is not in
   * the folder. The forms are those of the collector-schemas README: a bare definition name in the
   * same file, {@code /path.def} from the repository's module root, {@code ./sub.def} below the
   * referring file's package, or a fully qualified {@code module/path.def}.
   */
  Optional<Target> resolve(String file, String ref) {
    if (ref.indexOf('/') < 0 && ref.indexOf('.') < 0) {
      return doc(file).path("$defs").has(ref)
          ? Optional.of(new Target(file, ref))
          : Optional.empty();
    }
    Optional<String> target = targetFile(file, ref);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    String def = ref.substring(ref.lastIndexOf('.') + 1);
    if (!exists(target.get())) {
      // Never treat a file missing from a copy as "any value": that would silently validate less.
      throw new IllegalStateException(
          file
              + " refers to "
              + target.get()
              + ", which index.yaml lists but "
              + upstream
              + " lacks; copy it unchanged from ../shared/collector-schemas");
    }
    if (doc(target.get()).path("$defs").has(def)) {
      return Optional.of(new Target(target.get(), def));
    }
    // A component package's schema describes its Config at the root ("component mode").
    return def.equals("config") ? Optional.of(new Target(target.get(), null)) : Optional.empty();
  }

  /** The file a package-qualified {@code $ref} points into, if index.yaml knows the package. */
  private Optional<String> targetFile(String file, String ref) {
    int dot = ref.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String pkg = ref.substring(0, dot);
    if (pkg.startsWith("/")) {
      Optional<String> module = index.moduleOf(file);
      if (module.isEmpty()) {
        return Optional.empty();
      }
      pkg = module.get() + pkg;
    } else if (pkg.startsWith("./")) {
      Optional<String> own = index.packageOf(file);
      if (own.isEmpty()) {
        return Optional.empty();
      }
      pkg = own.get() + pkg.substring(1);
    }
    return index.yamlFileOf(pkg);
  }

  private JsonNode adaptSchema(String file, JsonNode node, boolean valuePosition) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = NODES.objectNode();
    boolean duration = false;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      switch (key) {
        case "$ref" -> {
          Optional<Target> target = resolve(file, value.asString());
          if (target.isPresent()) {
            out.put("$ref", target.get().iri());
          } else {
            dangling.add(file + ": " + value.asString());
          }
        }
        case "$defs" -> {
          ObjectNode defs = out.putObject("$defs");
          value
              .properties()
              .forEach(d -> defs.set(d.getKey(), adaptSchema(file, d.getValue(), false)));
        }
        case "properties" -> {
          ObjectNode props = out.putObject("properties");
          for (Map.Entry<String, JsonNode> p : value.properties()) {
            // A Go field without a mapstructure tag, not a YAML key (README, point 7).
            if (!p.getKey().equals("ExtensionCfg")) {
              props.set(p.getKey(), adaptSchema(file, p.getValue(), true));
            }
          }
        }
        case "items" -> out.set(key, adaptSchema(file, value, true));
        case "additionalProperties" ->
            out.set(key, value.isObject() ? adaptSchema(file, value, true) : value);
        case "allOf", "anyOf", "oneOf" -> {
          ArrayNode members = out.putArray(key);
          value.forEach(m -> members.add(adaptSchema(file, m, false)));
        }
        case "format" -> {
          // JSON Schema's "duration" is ISO 8601; the Collector's is Go's.
          if (value.asString().equals("duration")) {
            duration = true;
          } else {
            out.set(key, value);
          }
        }
        default -> {
          if (!key.startsWith("x-")) {
            out.set(key, value);
          }
        }
      }
    }
    lenientScalars(out, duration);
    boolean optional = node.path("x-optional").asBoolean(false);
    if (optional) {
      JsonNode props = out.get("properties");
      ObjectNode p = props instanceof ObjectNode o ? o : out.putObject("properties");
      p.putObject("enabled").put("type", "boolean");
    }
    if (valuePosition) {
      Keys keys = keys(file, node, 0);
      if (keys.object && !keys.open) {
        // Why propertyNames and not unevaluatedProperties? Both see keys from allOf members (the
        // squashed Go structs), but a failing member gives no annotations, so every sibling key
        // would also be reported as unknown; a list of names fails only for the unknown key.
        Set<String> known = new TreeSet<>(keys.names);
        if (optional) {
          known.add("enabled");
        }
        ArrayNode names = out.putObject("propertyNames").putArray("enum");
        known.forEach(names::add);
      }
    }
    if (optional || node.path("x-pointer").asBoolean(false)) {
      ObjectNode wrapper = NODES.objectNode();
      wrapper.putObject("if").put("type", "null");
      wrapper.put("then", true);
      wrapper.set("else", out);
      return wrapper;
    }
    return out;
  }

  private static void lenientScalars(ObjectNode out, boolean duration) {
    JsonNode type = out.get("type");
    if (duration) {
      out.put("pattern", DURATION_OR_PLACEHOLDER);
      return;
    }
    if (type == null || !type.isString() || out.has("enum") || out.has("pattern")) {
      return;
    }
    switch (type.asString()) {
      case "integer", "number", "boolean" -> {
        ArrayNode types = out.putArray("type");
        types.add(type.asString()).add("string");
        out.put("pattern", PLACEHOLDER);
      }
      case "array" -> {
        if (out.path("items").path("type").asString("").equals("string")) {
          out.putArray("type").add("array").add("string");
        }
      }
      default -> {}
    }
  }

  /** The keys an object matching {@code node} may have, through its refs and allOf members. */
  private Keys keys(String file, JsonNode node, int depth) {
    if (!node.isObject() || depth > 32) {
      return Keys.NONE;
    }
    if (node.has("additionalProperties") || node.path("x-customType").asString("").equals("any")) {
      return Keys.OPEN;
    }
    Set<String> own = new TreeSet<>();
    node.path("properties").propertyNames().stream()
        .filter(k -> !k.equals("ExtensionCfg"))
        .forEach(own::add);
    boolean object = node.has("properties") || node.path("type").asString("").equals("object");
    Keys keys = new Keys(object, false, own);
    if (node.has("$ref")) {
      Optional<Target> t = resolve(file, node.get("$ref").asString());
      if (t.isEmpty()) {
        return Keys.OPEN;
      }
      keys = keys.merge(keys(t.get().file, targetNode(t.get()), depth + 1));
    }
    for (JsonNode member : node.path("allOf")) {
      keys = keys.merge(keys(file, member, depth + 1));
    }
    return keys;
  }

  private JsonNode targetNode(Target t) {
    JsonNode doc = doc(t.file);
    return t.def == null ? doc : doc.path("$defs").path(t.def);
  }

  /** A schema file as parsed, with {@link SchemaFixes} applied; never modified afterwards. */
  private JsonNode doc(String file) {
    return docs.computeIfAbsent(
        file,
        f -> {
          try {
            return SchemaFixes.apply(f, Yaml.read(pathOf(f)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private Path pathOf(String file) {
    return file.startsWith(LOCAL)
        ? local.resolve(file.substring(LOCAL.length()))
        : upstream.resolve(file);
  }
}
