package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both jsonl formats and all four event kinds against checked-in expected lines
 * (src/test/resources/golden), compared exactly: the test spans are fixed, so nothing in the
 * content varies and nothing is normalized. Run with {@code -Dreqlens.golden.update=true} to
 * rewrite the files after an intended change, then review the diff.
 */
class GoldenFileTest {

  @TempDir Path dir;

  @Test
  void otlpFormat() throws IOException {
    check(JsonlSpanExporter.builder().setDirectory(dir).build(), "spans", "otlp.jsonl");
  }

  @Test
  void flatFormat() throws IOException {
    check(
        JsonlSpanExporter.builder()
            .setDirectory(dir)
            .setFormat(JsonlSpanExporter.Format.FLAT)
            .build(),
        "spans",
        "flat.jsonl");
  }

  @Test
  void requestEvents() throws IOException {
    check(ReqEventExporter.builder().setDirectory(dir).build(), "events", "events.jsonl");
  }

  private void check(SpanExporter exporter, String prefix, String golden) throws IOException {
    assertThat(
            exporter
                .export(TestSpans.request())
                .join(10, java.util.concurrent.TimeUnit.SECONDS)
                .isSuccess())
        .isTrue();
    exporter.shutdown();
    List<String> actual = Files2.lines(dir, prefix);
    String text = String.join("\n", actual) + "\n";
    if (Boolean.getBoolean("reqlens.golden.update")) {
      Path target = Paths.get("src/test/resources/golden", golden);
      Files.write(target, text.getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in = GoldenFileTest.class.getResourceAsStream("/golden/" + golden)) {
      assertThat(in).as("golden file " + golden).isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).isEqualTo(expected);
    }
  }
}
