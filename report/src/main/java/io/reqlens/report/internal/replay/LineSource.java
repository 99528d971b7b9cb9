package io.reqlens.report.internal.replay;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lines of a span file from a byte offset on, each with the offsets it starts and ends at, so a
 * checkpoint can say exactly where to continue. Memory is bounded: a line longer than {@link
 * #MAX_LINE_BYTES} is skipped (reported as too long), not buffered.
 */
final class LineSource implements Closeable {

  /** An OTLP line is one exported batch (512 spans by default, well under 1 MiB). */
  static final int MAX_LINE_BYTES = 64 << 20;

  private static final int CHUNK = 1 << 16;

  private final InputStream in;
  private byte[] buf = new byte[CHUNK];
  private int pos; // next unread byte in buf
  private int end; // end of valid bytes in buf
  private long bufOffset; // file offset of buf[0]
  private boolean eof;

  /** The current line: {@code buf()[start() .. start()+length())}, without the newline. */
  int start;

  int length;

  /** File offset of the current line's first byte, and just after its newline (or its end). */
  long lineStart;

  long lineEnd;

  /** False for a last line without a newline (being written, or torn by a crash). */
  boolean terminated;

  /** The current line was longer than {@link #MAX_LINE_BYTES} and was skipped. */
  boolean tooLong;

  LineSource(Path file, long offset) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      ch.position(offset);
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    this.in = Channels.newInputStream(ch);
    this.bufOffset = offset;
  }

  byte[] buf() {
    return buf;
  }

  /** Advances to the next line; false at the end of the file. */
  boolean next() throws IOException {
    tooLong = false;
    int scan = pos;
    while (true) {
      for (int i = scan; i < end; i++) {
        if (buf[i] == '\n') {
          set(pos, i, true, i + 1);
          return true;
        }
      }
      int scanned = end - pos; // fill() may move the line to the start of the buffer
      if (eof) {
        if (pos == end) {
          return false;
        }
        set(pos, end, false, end);
        return true;
      }
      if (!fill()) {
        // The line is too long: skip to its newline without keeping it.
        long startOffset = bufOffset + pos;
        long skipped = skipToNewline();
        lineStart = startOffset;
        lineEnd = startOffset + skipped;
        start = 0;
        length = 0;
        tooLong = true;
        terminated = !eof;
        return true;
      }
      scan = pos + scanned;
    }
  }

  private void set(int from, int to, boolean nl, int next) {
    start = from;
    length = to - from;
    if (length > 0 && buf[to - 1] == '\r') {
      length--;
    }
    lineStart = bufOffset + from;
    lineEnd = bufOffset + next;
    terminated = nl;
    pos = next;
  }

  /** Reads more bytes, compacting or growing the buffer; false when a line outgrew the cap. */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      bufOffset += pos;
      end -= pos;
      pos = 0;
    }
    if (end == buf.length) {
      if (buf.length >= MAX_LINE_BYTES) {
        return false;
      }
      byte[] bigger = new byte[Math.min(MAX_LINE_BYTES, buf.length * 2)];
      System.arraycopy(buf, 0, bigger, 0, end);
      buf = bigger;
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
    return true;
  }

  /** Discards the buffered part of an overlong line and the rest of it up to its newline. */
  private long skipToNewline() throws IOException {
    long skipped = end - pos;
    bufOffset += end;
    pos = 0;
    end = 0;
    while (true) {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        eof = true;
        return skipped;
      }
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          skipped += i + 1;
          bufOffset += i + 1;
          System.arraycopy(buf, i + 1, buf, 0, n - i - 1);
          end = n - i - 1;
          return skipped;
        }
      }
      skipped += n;
      bufOffset += n;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
