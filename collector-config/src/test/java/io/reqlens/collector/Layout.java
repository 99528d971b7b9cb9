package io.reqlens.collector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the module's files are, seen from the test JVM (Surefire sets {@code basedir}). */
final class Layout {

  /**
   * Points the copy check at another collector-schemas folder than {@code
   * ../shared/collector-schemas} beside the repository (for a working copy that lives elsewhere).
   */
  static final String SHARED_OVERRIDE = "reqlens.collector.schemas";

  private Layout() {}

  /** The {@code collector-config/} folder: the configs and their README. */
  static Path module() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  static Path readme() {
    return module().resolve("README.md");
  }

  /** The unchanged upstream copies the tests validate against. */
  static Path vendoredSchemas() {
    return module().resolve("src/test/resources/collector-schemas");
  }

  /** Hand-written schemas for components that have no upstream schema. */
  static Path localSchemas() {
    return module().resolve("src/test/resources/local-schemas");
  }

  static Path fixtures() {
    return module().resolve("src/test/resources/fixtures");
  }

  /** The shared collector-schemas folder, when this machine has one. */
  static Optional<Path> sharedSchemas() {
    String override = System.getProperty(SHARED_OVERRIDE, "");
    Path candidate =
        override.isEmpty()
            ? module().getParent().resolve("../shared/collector-schemas").normalize()
            : Path.of(override).toAbsolutePath().normalize();
    return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
  }
}
