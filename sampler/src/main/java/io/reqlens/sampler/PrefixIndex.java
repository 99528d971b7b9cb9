package io.reqlens.sampler;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Narrows the rules worth evaluating by one attribute's value: a trie of the literal prefixes that
 * rules require of that attribute ({@code url.path=/api/orders/**} requires {@code /api/orders}),
 * returning a bit mask of candidate rules.
 *
 * <p>Why? Twenty {@code url.path} rules with distinct prefixes are the common shape of a rule set,
 * and a request usually matches none or one of them. Walking the value once through the trie costs
 * a few nanoseconds per character of the longest shared prefix, instead of a pattern match per
 * rule. Rules with no such condition are always candidates; bit order is rule order, so the first
 * candidate that fully matches is still the first matching rule.
 */
final class PrefixIndex {

  static final int MAX_RULES = 64; // one long of candidate bits

  private final int slot;
  private final long unconditional;
  private final Node root = new Node();
  // The text every indexed prefix starts with, and the trie node after it: one regionMatches
  // instead of a node per character for the part all rules share ("/api/").
  private String common = "";
  private Node afterCommon = root;

  private PrefixIndex(int slot, long unconditional) {
    this.slot = slot;
    this.unconditional = unconditional;
  }

  /**
   * Builds an index on the cached attribute ({@code slot}) most rules constrain by prefix, or
   * returns {@code null} when no index would help.
   */
  static PrefixIndex build(List<Rule> rules) {
    if (rules.size() > MAX_RULES || rules.size() < 4) {
      return null; // a handful of rules is cheaper to scan than to index
    }
    Map<Integer, Integer> conditionedBySlot = new HashMap<>();
    for (Rule rule : rules) {
      for (Matcher m : rule.matchers) {
        if (m.slot >= 0 && !m.requiredPrefix().isEmpty()) {
          conditionedBySlot.merge(m.slot, 1, Integer::sum);
          break;
        }
      }
    }
    int best = -1;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : conditionedBySlot.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    if (bestCount < rules.size() / 2) {
      return null;
    }
    long unconditional = 0;
    for (int i = 0; i < rules.size(); i++) {
      if (prefixFor(rules.get(i), best).isEmpty()) {
        unconditional |= 1L << i;
      }
    }
    PrefixIndex index = new PrefixIndex(best, unconditional);
    for (int i = 0; i < rules.size(); i++) {
      String prefix = prefixFor(rules.get(i), best);
      if (!prefix.isEmpty()) {
        index.add(prefix, 1L << i);
      }
    }
    index.compressCommonPrefix();
    return index;
  }

  private void compressCommonPrefix() {
    StringBuilder sb = new StringBuilder();
    Node node = root;
    while (node.mask == 0 && node.keys.length == 1) {
      sb.append(node.keys[0]);
      node = node.children[0];
    }
    common = sb.toString();
    afterCommon = node;
  }

  private static String prefixFor(Rule rule, int slot) {
    String longest = "";
    for (Matcher m : rule.matchers) {
      if (m.slot == slot && m.requiredPrefix().length() > longest.length()) {
        longest = m.requiredPrefix();
      }
    }
    return longest;
  }

  private void add(String prefix, long bit) {
    Node node = root;
    for (int i = 0; i < prefix.length(); i++) {
      node = node.childOrCreate(prefix.charAt(i));
    }
    node.mask |= bit;
  }

  int slot() {
    return slot;
  }

  /** Candidate rules for this attribute value ({@code null}: absent). */
  long candidates(String value) {
    long mask = unconditional;
    if (value == null) {
      return mask;
    }
    if (!value.regionMatches(0, common, 0, common.length())) {
      return mask; // no indexed prefix can match
    }
    Node node = afterCommon;
    mask |= node.mask;
    for (int i = common.length(); i < value.length(); i++) {
      node = node.child(value.charAt(i));
      if (node == null) {
        break;
      }
      mask |= node.mask;
    }
    return mask;
  }

  private static final class Node {
    char[] keys = new char[0];
    Node[] children = new Node[0];
    long mask;

    Node child(char c) {
      char[] k = keys;
      for (int i = 0; i < k.length; i++) {
        if (k[i] == c) {
          return children[i];
        }
      }
      return null;
    }

    Node childOrCreate(char c) {
      Node existing = child(c);
      if (existing != null) {
        return existing;
      }
      Node created = new Node();
      keys = Arrays.copyOf(keys, keys.length + 1);
      keys[keys.length - 1] = c;
      children = Arrays.copyOf(children, children.length + 1);
      children[children.length - 1] = created;
      return created;
    }
  }
}
