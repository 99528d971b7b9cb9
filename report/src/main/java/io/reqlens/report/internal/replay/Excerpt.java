package io.reqlens.report.internal.replay;

/** At most 40 characters of user data for a message, control characters replaced. */
final class Excerpt {

  private static final int MAX = 40;

  private Excerpt() {}

  static String of(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < MAX; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return s.length() > MAX ? b + "..." : b.toString();
  }
}
