package io.reqlens.report.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private final List<String> lines = new ArrayList<>();
  private int tooLong;
  private boolean lastTerminated = true;

  private final LineReader.Sink sink =
      new LineReader.Sink() {
        @Override
        public void line(byte[] buf, int off, int len, boolean terminated) {
          lines.add(new String(buf, off, len, StandardCharsets.UTF_8));
          lastTerminated = terminated;
        }

        @Override
        public void tooLong() {
          tooLong++;
        }
      };

  @Test
  void splitsLinesAcrossReadsAndStripsCarriageReturns() throws IOException {
    String text = "a\r\nbb\n\nccc\n";
    new LineReader().read(trickle(text.getBytes(StandardCharsets.UTF_8)), sink, n -> {});
    assertThat(lines).containsExactly("a", "bb", "", "ccc");
    assertThat(lastTerminated).isTrue();
  }

  @Test
  void reportsAnUnterminatedLastLine() throws IOException {
    new LineReader()
        .read(
            new ByteArrayInputStream("x\n{\"torn".getBytes(StandardCharsets.UTF_8)), sink, n -> {});
    assertThat(lines).containsExactly("x", "{\"torn");
    assertThat(lastTerminated).isFalse();
  }

  @Test
  void growsForLongLinesAndSkipsTooLongOnes() throws IOException {
    byte[] longLine = new byte[3 << 20];
    Arrays.fill(longLine, (byte) 'a');
    byte[] huge = new byte[LineReader.MAX_LINE_BYTES + 10];
    Arrays.fill(huge, (byte) 'b');
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    all.write(longLine);
    all.write('\n');
    all.write(huge);
    all.write('\n');
    all.write("after".getBytes(StandardCharsets.UTF_8));
    all.write('\n');
    List<Long> progress = new ArrayList<>();
    new LineReader().read(new ByteArrayInputStream(all.toByteArray()), sink, progress::add);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).hasSize(3 << 20);
    assertThat(lines.get(1)).isEqualTo("after");
    assertThat(tooLong).isEqualTo(1);
    assertThat(progress.get(progress.size() - 1)).isEqualTo(all.size());
  }

  /** Returns at most 3 bytes per read, so every line crosses a read boundary. */
  private static InputStream trickle(byte[] b) {
    return new FilterInputStream(new ByteArrayInputStream(b)) {
      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        return super.read(buf, off, Math.min(3, len));
      }
    };
  }
}
