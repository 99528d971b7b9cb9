package io.reqlens.exporters;

import java.nio.charset.StandardCharsets;

/** Batches of JSON lines for writer tests. */
final class Lines {

  final byte[] buf;
  final int[] ends;
  final int count;

  private Lines(byte[] buf, int[] ends, int count) {
    this.buf = buf;
    this.ends = ends;
    this.count = count;
  }

  /** {@code count} lines {@code {"t":thread,"seq":n,"pad":"xxx"}} numbered from {@code first}. */
  static Lines of(int thread, long first, int count, int pad) {
    JsonWriter out = new JsonWriter();
    for (int i = 0; i < count; i++) {
      out.ascii("{\"t\":");
      out.number(thread);
      out.ascii(",\"seq\":");
      out.number(first + i);
      out.ascii(",\"pad\":\"");
      for (int p = 0; p < pad; p++) {
        out.raw('x');
      }
      out.ascii("\"}");
      out.newline();
    }
    byte[] copy = java.util.Arrays.copyOf(out.buffer(), out.size());
    return new Lines(copy, java.util.Arrays.copyOf(out.lineEnds(), count), count);
  }

  boolean writeTo(RotatingFileWriter writer) {
    return writer.write(buf, ends, count);
  }

  static String text(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
