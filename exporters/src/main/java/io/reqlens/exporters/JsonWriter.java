package io.reqlens.exporters;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends JSON to a reusable UTF-8 byte buffer and remembers where each line ends.
 *
 * <p>Why not Jackson's {@code JsonGenerator}? Measured in {@code JsonWriterBenchmark}: writing
 * straight into a {@code byte[]} with keys pre-encoded as constants is faster, allocates nothing
 * per span, and keeps the extension free of a library to shade. The price is owning the escaping,
 * which {@code JsonWriterFuzzTest} checks against a real parser.
 *
 * <p>Not thread-safe: each exporter owns one and uses it under its own lock.
 */
final class JsonWriter {

  /** A buffer that grew past this for one huge batch is dropped after it, to bound memory. */
  private static final int RETAINED_CAPACITY = 4 << 20;

  private static final int INITIAL_CAPACITY = 64 << 10;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_LONG =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  private byte[] buf = new byte[INITIAL_CAPACITY];
  private int pos;
  private int[] lineEnds = new int[64];
  private int lines;

  /** Empties the buffer for the next batch. */
  void reset() {
    if (buf.length > RETAINED_CAPACITY) {
      buf = new byte[INITIAL_CAPACITY];
    }
    pos = 0;
    lines = 0;
  }

  byte[] buffer() {
    return buf;
  }

  int size() {
    return pos;
  }

  /** End offsets (exclusive, after the newline) of the lines written since {@link #reset()}. */
  int[] lineEnds() {
    return lineEnds;
  }

  int lineCount() {
    return lines;
  }

  /** Ends the current line. */
  void newline() {
    ensure(1);
    buf[pos++] = '\n';
    if (lines == lineEnds.length) {
      lineEnds = Arrays.copyOf(lineEnds, lines * 2);
    }
    lineEnds[lines++] = pos;
  }

  /** Drops everything written after {@code size} (used to undo a half-written line). */
  void truncate(int size) {
    pos = size;
    while (lines > 0 && lineEnds[lines - 1] > size) {
      lines--;
    }
  }

  /** Appends pre-encoded bytes, typically a constant such as {@code ,"name":}. */
  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  void raw(char asciiChar) {
    ensure(1);
    buf[pos++] = (byte) asciiChar;
  }

  /** Appends {@code null} or the quoted, escaped string. */
  void string(String s) {
    if (s == null) {
      raw(NULL);
      return;
    }
    // Worst case 6 bytes per char (a u-escape for a control char); one capacity check keeps the
    // loop branch-light.
    ensure(s.length() * 6 + 2);
    byte[] b = buf;
    int p = pos;
    b[p++] = '"';
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\') {
          b[p++] = (byte) c;
        } else {
          p = escapeAscii(b, p, c);
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate has no UTF-8 form. An escape would keep it, but strict readers (Jackson
        // field names, Go's encoding/json) reject or replace it, so write U+FFFD as they would.
        b[p++] = (byte) 0xef;
        b[p++] = (byte) 0xbf;
        b[p++] = (byte) 0xbd;
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    b[p++] = '"';
    pos = p;
  }

  private static int escapeAscii(byte[] b, int p, char c) {
    b[p++] = '\\';
    switch (c) {
      case '"':
        b[p++] = '"';
        return p;
      case '\\':
        b[p++] = '\\';
        return p;
      case '\n':
        b[p++] = 'n';
        return p;
      case '\r':
        b[p++] = 'r';
        return p;
      case '\t':
        b[p++] = 't';
        return p;
      case '\b':
        b[p++] = 'b';
        return p;
      case '\f':
        b[p++] = 'f';
        return p;
      default:
        return unicodeEscape(b, p - 1, c);
    }
  }

  private static int unicodeEscape(byte[] b, int p, char c) {
    b[p++] = '\\';
    b[p++] = 'u';
    b[p++] = HEX[(c >> 12) & 0xf];
    b[p++] = HEX[(c >> 8) & 0xf];
    b[p++] = HEX[(c >> 4) & 0xf];
    b[p++] = HEX[c & 0xf];
    return p;
  }

  /** Appends a JSON number without going through {@code Long.toString} (no allocation). */
  void number(long v) {
    if (v == Long.MIN_VALUE) {
      raw(MIN_LONG);
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    int end = pos + digits;
    for (int p = end - 1; p >= pos; p--) {
      buf[p] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    pos = end;
  }

  /** Appends a long as a quoted string, as proto3 JSON wants for int64 and fixed64. */
  void quotedNumber(long v) {
    raw('"');
    number(v);
    raw('"');
  }

  /**
   * Appends a double; NaN and infinities, which JSON numbers cannot hold, are written as the
   * strings proto3 JSON uses ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}).
   */
  void number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      string(Double.toString(v));
    } else if (v == (long) v && Math.abs(v) < 1e15) {
      number((long) v);
      raw(DOT_ZERO);
    } else {
      ascii(Double.toString(v));
    }
  }

  void bool(boolean v) {
    raw(v ? TRUE : FALSE);
  }

  void nullValue() {
    raw(NULL);
  }

  /** Appends a string known to hold only ASCII characters that need no escaping. */
  void ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  private void ensure(int extra) {
    if (pos + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
    }
  }

  static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.UTF_8);
  }

  private static final byte[] NULL = bytes("null");
  private static final byte[] TRUE = bytes("true");
  private static final byte[] FALSE = bytes("false");
  private static final byte[] DOT_ZERO = bytes(".0");
}
