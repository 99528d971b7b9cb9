package io.reqlens.report.internal.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal strings (routes, statements, paths) among stored requests. Bounded: when it holds
 * {@link #MAX} strings it starts again, so a stream of distinct values cannot grow it; strings
 * already shared stay shared.
 */
final class Interner {

  static final int MAX = 50_000;

  private final Map<String, String> strings = new HashMap<>();

  String intern(String s) {
    if (s == null) {
      return null;
    }
    String known = strings.get(s);
    if (known != null) {
      return known;
    }
    if (strings.size() >= MAX) {
      strings.clear();
    }
    strings.put(s, s);
    return s;
  }
}
