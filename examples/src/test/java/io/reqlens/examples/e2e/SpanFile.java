package io.reqlens.examples.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The spans in a folder's closed OTLP/JSON span files ({@code spans-*.jsonl}): id and start. */
final class SpanFile {

  record Span(String id, long startNs) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpanFile() {}

  static List<Span> read(Path dir) throws IOException {
    List<Span> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(
                  p ->
                      p.getFileName().toString().startsWith("spans-")
                          && p.getFileName().toString().endsWith(".jsonl"))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode root;
        try {
          root = JSON.readTree(line);
        } catch (IOException e) {
          throw new UncheckedIOException("not OTLP/JSON in " + f, e);
        }
        for (JsonNode rs : root.path("resourceSpans")) {
          for (JsonNode ss : rs.path("scopeSpans")) {
            for (JsonNode span : ss.path("spans")) {
              out.add(
                  new Span(
                      span.path("traceId").asText() + "/" + span.path("spanId").asText(),
                      Long.parseLong(span.path("startTimeUnixNano").asText())));
            }
          }
        }
      }
    }
    return out;
  }
}
