package io.reqlens.report.internal.render;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Makes event data safe to print on a terminal: control characters (C0, DEL, C1 — ESC and BEL among
 * them) and the invisible bidirectional and format controls that reorder or hide text
 * (U+202A–U+202E, U+2066–U+2069, U+200B–U+200F, U+061C, U+FEFF, …) become visible escapes such as
 * {@code \x1b} and {@code \u202e}. Values come from files anyone able to reach the service could
 * have shaped (a route, a header-derived method, an exception message), so nothing they contain may
 * move the cursor, retitle the window or reverse the text the user reads.
 *
 * <p>Why escape rather than drop? The user should see that something odd was there.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class TerminalText {

  private TerminalText() {}

  /** Whether {@code c} must not reach a terminal as it is (also used for JSON output). */
  static boolean unsafe(char c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true; // C0 (with ESC, BEL, CR, TAB), DEL, C1 (with CSI U+009B)
    }
    if (c < 0x200b) {
      return c == 0x061c; // Arabic letter mark
    }
    return (c >= 0x200b && c <= 0x200f) // zero-width space/joiners, LRM, RLM
        || (c >= 0x2028 && c <= 0x202e) // line/paragraph separators, LRE RLE PDF LRO RLO
        || (c >= 0x2060 && c <= 0x2069) // word joiner, invisible operators, LRI RLI FSI PDI
        || c == 0xfeff // zero-width no-break space
        || (c >= 0xfff9 && c <= 0xfffb); // interlinear annotation controls
  }

  /** {@code s} with every unsafe character escaped; the same instance when there is none. */
  public static String escape(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !unsafe(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      appendEscaped(b, s.charAt(i));
    }
    return b.toString();
  }

  private static void appendEscaped(StringBuilder b, char c) {
    if (!unsafe(c)) {
      b.append(c);
    } else if (c <= 0xff) {
      b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
    } else {
      b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }
  }

  /**
   * A writer that escapes what {@link #escape} escapes except the newline, for everything a
   * renderer prints: a value that reached the output without passing {@link Format} is still made
   * harmless.
   */
  public static PrintWriter safe(PrintWriter out) {
    return new PrintWriter(new Escaping(out), false);
  }

  /** The platform's own line ends (println on Windows writes CR LF) stay line ends. */
  private static final boolean CRLF = System.lineSeparator().indexOf('\r') >= 0;

  private static final class Escaping extends FilterWriter {
    Escaping(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      if (c == '\n' || (c == '\r' && CRLF) || !unsafe((char) c)) {
        out.write(c);
      } else {
        StringBuilder b = new StringBuilder(6);
        appendEscaped(b, (char) c);
        out.write(b.toString());
      }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(cbuf[i]);
      }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(str.charAt(i));
      }
    }
  }
}
