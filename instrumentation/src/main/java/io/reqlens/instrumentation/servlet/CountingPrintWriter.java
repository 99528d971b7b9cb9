package io.reqlens.instrumentation.servlet;

import java.io.PrintWriter;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Delegates to the container's writer, counting the bytes its characters encode to.
 *
 * <p>Why count encoded bytes here instead of wrapping the output stream under a writer of our own?
 * The container's writer keeps its own buffering, error and charset behaviour; the app must get
 * exactly that. UTF-8 and single-byte charsets are counted arithmetically (no encoding work); any
 * other charset is encoded once more just to measure it.
 */
final class CountingPrintWriter extends PrintWriter {

  private enum Measure {
    UTF8,
    SINGLE_BYTE,
    ENCODE
  }

  private final PrintWriter writer;
  private final Measure measure;
  private final Charset charset;
  private long count;

  CountingPrintWriter(PrintWriter writer, String characterEncoding) {
    super(writer);
    this.writer = writer;
    Charset cs;
    try {
      // the servlet default when the app set none
      cs =
          characterEncoding == null
              ? StandardCharsets.ISO_8859_1
              : Charset.forName(characterEncoding);
    } catch (RuntimeException e) {
      cs = StandardCharsets.UTF_8;
    }
    this.charset = cs;
    if (cs.equals(StandardCharsets.UTF_8)) {
      measure = Measure.UTF8;
    } else if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) {
      measure = Measure.SINGLE_BYTE;
    } else {
      measure = Measure.ENCODE;
    }
  }

  PrintWriter wraps() {
    return writer;
  }

  long count() {
    return count;
  }

  @Override
  public void write(int c) {
    writer.write(c);
    count += measure((char) c);
  }

  @Override
  public void write(char[] buf, int off, int len) {
    writer.write(buf, off, len);
    count += measure(CharBuffer.wrap(buf, off, len));
  }

  @Override
  public void write(String s, int off, int len) {
    writer.write(s, off, len);
    count += measure(CharBuffer.wrap(s, off, off + len));
  }

  @Override
  public void flush() {
    writer.flush();
  }

  @Override
  public void close() {
    writer.close();
  }

  @Override
  public boolean checkError() {
    return writer.checkError();
  }

  private long measure(char c) {
    switch (measure) {
      case SINGLE_BYTE:
        return 1;
      case UTF8:
        return c < 0x80
            ? 1
            : c < 0x800
                ? 2
                : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
      default:
        return measure(CharBuffer.wrap(new char[] {c}));
    }
  }

  private long measure(CharSequence chars) {
    int len = chars.length();
    switch (measure) {
      case SINGLE_BYTE:
        return len;
      case UTF8:
        long bytes = 0;
        for (int i = 0; i < len; i++) {
          char c = chars.charAt(i);
          if (c < 0x80) {
            bytes++;
          } else if (c < 0x800) {
            bytes += 2;
          } else if (Character.isHighSurrogate(c)) {
            bytes += 4; // with the low surrogate that follows, which counts 0
          } else if (!Character.isLowSurrogate(c)) {
            bytes += 3;
          }
        }
        return bytes;
      default:
        return charset.encode(CharBuffer.wrap(chars)).remaining();
    }
  }
}
