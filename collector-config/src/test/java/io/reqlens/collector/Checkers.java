package io.reqlens.collector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The checker the tests share, built once over the vendored schemas. */
final class Checkers {

  private static SchemaIndex index;
  private static SchemaAdapter adapter;
  private static ConfigChecker checker;

  private Checkers() {}

  static synchronized SchemaIndex index() {
    if (index == null) {
      try {
        index = SchemaIndex.load(Layout.vendoredSchemas());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return index;
  }

  static synchronized SchemaAdapter adapter() {
    if (adapter == null) {
      adapter = new SchemaAdapter(index(), Layout.vendoredSchemas(), Layout.localSchemas());
    }
    return adapter;
  }

  static synchronized ConfigChecker checker() {
    if (checker == null) {
      checker = new ConfigChecker(index(), adapter(), new ComponentSchemas(adapter()));
    }
    return checker;
  }

  /** The shipped configs: every {@code *.yaml} directly in {@code collector-config/}. */
  static List<Path> shippedConfigs() {
    try (Stream<Path> files = Files.list(Layout.module())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
