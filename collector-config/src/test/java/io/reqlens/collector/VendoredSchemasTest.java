package io.reqlens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The vendored schemas are unchanged copies of the shared collector-schemas folder, and exactly the
 * files the shipped configs need.
 */
class VendoredSchemasTest {

  @Test
  void copiesAreByteIdenticalToTheSharedFolder() throws IOException {
    Optional<Path> shared = Layout.sharedSchemas();
    if (shared.isEmpty()) {
      String why =
          "SKIPPED: no ../shared/collector-schemas beside the repository (and no -D"
              + Layout.SHARED_OVERRIDE
              + "=DIR): the vendored collector schemas were not compared with the shared folder";
      System.out.println("[collector-config] " + why);
      assumeTrue(false, why);
    }
    Set<String> vendored = files(Layout.vendoredSchemas());
    assertThat(vendored).isNotEmpty();
    for (String file : vendored) {
      Path original = shared.get().resolve(file);
      assertThat(original).as("%s exists in %s", file, shared.get()).isRegularFile();
      assertThat(Files.readAllBytes(Layout.vendoredSchemas().resolve(file)))
          .as("%s is byte-identical to %s", file, original)
          .isEqualTo(Files.readAllBytes(original));
    }
  }

  @Test
  void copiesAreExactlyWhatTheConfigsNeed() throws Exception {
    Set<String> needed = new TreeSet<>(Set.of("index.yaml", "README.md"));
    for (Path config : Checkers.shippedConfigs()) {
      for (String schema : Checkers.checker().check(config, "").schemaOfComponent().values()) {
        if (!schema.startsWith(SchemaAdapter.LOCAL)) {
          needed.addAll(Checkers.adapter().reachableFrom(schema));
        }
      }
    }

    assertThat(files(Layout.vendoredSchemas()))
        .as("copy missing files unchanged from ../shared/collector-schemas; delete unused ones")
        .isEqualTo(needed);
  }

  @Test
  void onlyTheKnownUpstreamReferencesDangle() throws Exception {
    for (Path config : Checkers.shippedConfigs()) {
      Checkers.checker().check(config, "");
    }

    // Listed in the collector-schemas README, "References whose target is not in this folder",
    // or (entry) a definition that the stored file does not have; none is on a path the configs
    // use, and each is validated as "any value".
    assertThat(Checkers.adapter().danglingRefs())
        .isSubsetOf(
            "common/exporter-exporterhelper.schema.yaml: ./internal.option",
            "common/exporter-exporterhelper.schema.yaml: ./internal/request.sizer_type",
            "common/pkg-stanza-operator-helper.schema.yaml: /pkg/stanza/entry.field",
            "common/pkg-stanza-operator-helper.schema.yaml: /pkg/stanza/entry.rootable_field");
  }

  private static Set<String> files(Path root) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
    }
    return out;
  }
}
