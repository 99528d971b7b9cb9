package io.reqlens.report.internal.input;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Short, safe texts for input problems. */
final class Messages {

  /** Longest excerpt of a bad line that is ever printed: lines are user data. */
  static final int EXCERPT_CHARS = 40;

  private Messages() {}

  static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file (removed while reading?)";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** The first characters of a line, control characters replaced, marked when cut. */
  static String excerpt(byte[] buf, int off, int len) {
    int take = Math.min(len, EXCERPT_CHARS * 4);
    String s = new String(buf, off, take, StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < EXCERPT_CHARS; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    if (take < len || b.length() < s.length()) {
      b.append('…');
    }
    return b.toString();
  }
}
