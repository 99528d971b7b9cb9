package io.reqlens.exporters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reading exporter output back in tests. */
final class Files2 {

  private Files2() {}

  /** Closed files {@code <prefix>-*.jsonl}, oldest first. */
  static List<Path> closed(Path dir, String prefix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix + "-") && n.endsWith(".jsonl");
              })
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line of every closed file of {@code prefix}, oldest file first. */
  static List<String> lines(Path dir, String prefix) {
    List<String> lines = new ArrayList<>();
    for (Path p : closed(dir, prefix)) {
      lines.addAll(read(p));
    }
    return lines;
  }

  static List<String> read(Path p) {
    try {
      String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      if (!text.isEmpty() && !text.endsWith("\n")) {
        throw new AssertionError(p + " does not end with a newline");
      }
      List<String> out = new ArrayList<>();
      for (String line : text.split("\n", -1)) {
        if (!line.isEmpty()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
