package io.reqlens.sampler.localtrace;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A query parameter name as the application reads it: percent-decoded as UTF-8, {@code +} as a
 * space, case-folded.
 *
 * <p>Why decode up to three times? Decoding once is what servers do; a name encoded twice ({@code
 * pass%2577ord}) is decoded twice by some frameworks and proxies. Redacting a value too many is
 * harmless; letting a password through is not. Malformed escapes stay as they are.
 */
final class ParamNames {

  private static final int MAX_ROUNDS = 3;

  private ParamNames() {}

  static String fold(String raw) {
    String name = raw;
    for (int round = 0; round < MAX_ROUNDS && name.indexOf('%') >= 0; round++) {
      String decoded = decode(name);
      if (decoded.equals(name)) {
        break;
      }
      name = decoded;
    }
    return name.replace('+', ' ').toLowerCase(Locale.ROOT);
  }

  /** One round of percent-decoding; bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
  private static String decode(String s) {
    byte[] out = new byte[s.length() * 3];
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%'
          && i + 2 < s.length()
          && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        out[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, out, n, b.length);
        n += b.length;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
