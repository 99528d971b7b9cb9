package io.reqlens.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** One strict YAML reader for schemas, the index and the Collector configs. */
final class Yaml {

  // Why strict duplicates? The Collector's YAML parser rejects a key given twice in one mapping;
  // a lenient reader would silently keep the last value and validate something else.
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Yaml() {}

  static JsonNode read(Path file) throws IOException {
    try {
      return YAML.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new IOException(file + ": " + e.getOriginalMessage(), e);
    }
  }

  static JsonNode parse(String text) {
    return YAML.readTree(text);
  }

  static byte[] toJson(JsonNode node) {
    return JSON.writeValueAsBytes(node);
  }

  static JsonMapper json() {
    return JSON;
  }
}
