package io.reqlens.report.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Splits a byte stream into lines without decoding it: the parser reads UTF-8 bytes directly, so
 * decoding to {@code String} first would only double the work.
 *
 * <p>Memory is bounded: the buffer grows for a long line up to {@link #MAX_LINE_BYTES}; a longer
 * line is skipped and reported as too long.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class LineReader {

  /** Lines longer than this are skipped (a traceback is a few KiB; 8 MiB is not an event). */
  public static final int MAX_LINE_BYTES = 8 << 20;

  private static final int CHUNK = 1 << 20;

  /** Receives each line. */
  public interface Sink {
    /**
     * One line without its {@code \n} (and without a trailing {@code \r}). {@code terminated} is
     * false only for the last line of a stream that does not end with a newline.
     */
    void line(byte[] buf, int off, int len, boolean terminated);

    /** A line longer than {@link #MAX_LINE_BYTES}, skipped. */
    void tooLong();
  }

  private byte[] buf = new byte[CHUNK];

  /** Reads {@code in} to its end; {@code progress} receives the count of bytes read so far. */
  public void read(InputStream in, Sink sink, LongConsumer progress) throws IOException {
    int start = 0;
    int end = 0;
    long total = 0;
    boolean skipping = false;
    while (true) {
      if (end == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        } else if (buf.length < MAX_LINE_BYTES) {
          byte[] bigger = new byte[Math.min(MAX_LINE_BYTES, buf.length * 2)];
          System.arraycopy(buf, 0, bigger, 0, end);
          buf = bigger;
        } else {
          // Too long: drop what we have and skip to the next newline.
          if (!skipping) {
            sink.tooLong();
          }
          skipping = true;
          end = 0;
        }
      }
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        break;
      }
      total += n;
      progress.accept(total);
      int scanFrom = end;
      end += n;
      for (int i = scanFrom; i < end; i++) {
        if (buf[i] == '\n') {
          if (skipping) {
            skipping = false;
          } else {
            emit(sink, start, i, true);
          }
          start = i + 1;
        }
      }
      if (start == end) {
        start = 0;
        end = 0;
      }
    }
    if (end > start && !skipping) {
      emit(sink, start, end, false);
    }
  }

  private void emit(Sink sink, int from, int to, boolean terminated) {
    int len = to - from;
    if (len > 0 && buf[to - 1] == '\r') {
      len--;
    }
    sink.line(buf, from, len, terminated);
  }
}
