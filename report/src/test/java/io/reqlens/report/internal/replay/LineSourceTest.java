package io.reqlens.report.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines and their offsets, across buffer refills and growth, from any starting offset. */
class LineSourceTest {

  @TempDir Path dir;

  @Test
  void linesOfEverySizeComeBackWholeWithTheirOffsets() throws Exception {
    StringBuilder text = new StringBuilder();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // 1 byte to ~300 KiB: lines cross the 64 KiB chunk and make the buffer grow.
      String line = ("line " + i + " ").repeat(1 + (i * i * 37) % 40_000);
      lines.add(line);
      text.append(line).append('\n');
    }
    text.append("torn");
    Path f = dir.resolve("spans-x.jsonl");
    Files.writeString(f, text, StandardCharsets.UTF_8);

    long offset = 0;
    try (LineSource in = new LineSource(f, 0)) {
      for (String expected : lines) {
        assertThat(in.next()).isTrue();
        assertThat(new String(in.buf(), in.start, in.length, StandardCharsets.UTF_8))
            .isEqualTo(expected);
        assertThat(in.lineStart).isEqualTo(offset);
        offset += expected.length() + 1;
        assertThat(in.lineEnd).isEqualTo(offset);
        assertThat(in.terminated).isTrue();
      }
      assertThat(in.next()).isTrue();
      assertThat(in.terminated).isFalse();
      assertThat(in.length).isEqualTo(4);
      assertThat(in.next()).isFalse();
    }

    long from = lines.get(0).length() + 1 + lines.get(1).length() + 1;
    try (LineSource in = new LineSource(f, from)) {
      assertThat(in.next()).isTrue();
      assertThat(in.lineStart).isEqualTo(from);
      assertThat(new String(in.buf(), in.start, in.length, StandardCharsets.UTF_8))
          .isEqualTo(lines.get(2));
    }
  }
}
