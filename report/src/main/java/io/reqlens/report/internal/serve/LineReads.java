package io.reqlens.report.internal.serve;

import io.reqlens.report.internal.input.LineReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/** Random reads of single lines or line ranges of data files (read-only). */
final class LineReads {

  private LineReads() {}

  /** The line starting at {@code offset} (up to the max line length), or null. */
  static byte[] lineAt(Path file, long offset) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (offset < 0 || offset >= size) {
        return null;
      }
      int want = (int) Math.min(LineReader.MAX_LINE_BYTES, size - offset);
      ByteBuffer b = ByteBuffer.allocate(Math.min(want, 1 << 16));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      long pos = offset;
      while (out.size() < want) {
        b.clear();
        int n = ch.read(b, pos);
        if (n <= 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (b.get(i) == '\n') {
            out.write(b.array(), 0, i);
            return out.toByteArray();
          }
        }
        out.write(b.array(), 0, n);
        pos += n;
      }
      return out.toByteArray();
    }
  }

  /**
   * Calls {@code each} with every whole line in [{@code from}, {@code to}) of {@code file} that
   * contains {@code needle} (a trace id): the line after a partial first one, up to the last
   * newline.
   */
  static void linesWith(Path file, long from, long to, String needle, Consumer<byte[]> each)
      throws IOException {
    byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = Math.max(0, from);
      long end = Math.min(ch.size(), to);
      if (end <= start) {
        return;
      }
      ByteBuffer b = ByteBuffer.allocate((int) (end - start));
      while (b.hasRemaining() && ch.read(b, start + b.position()) > 0) {
        // fill
      }
      byte[] a = b.array();
      int len = b.position();
      int i = 0;
      if (start > 0) {
        // Start after the first newline: the bytes before it are the end of an earlier line.
        while (i < len && a[i] != '\n') {
          i++;
        }
        i++;
      }
      while (i < len) {
        int e = i;
        while (e < len && a[e] != '\n') {
          e++;
        }
        if (e == len) {
          return; // no newline: a line still being written, or cut by the range
        }
        if (contains(a, i, e, n)) {
          byte[] line = new byte[e - i];
          System.arraycopy(a, i, line, 0, e - i);
          each.accept(line);
        }
        i = e + 1;
      }
    }
  }

  private static boolean contains(byte[] a, int from, int to, byte[] n) {
    outer:
    for (int i = from; i + n.length <= to; i++) {
      for (int k = 0; k < n.length; k++) {
        if (a[i + k] != n[k]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
