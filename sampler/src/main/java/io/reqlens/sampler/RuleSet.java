package io.reqlens.sampler;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Ordered rules, first match wins.
 *
 * <p>Why a value cache in local variables? Rule sets usually test the same one to four attributes
 * ({@code url.path}, {@code http.request.method} …) over and over; each {@link Attributes#get} is a
 * linear scan of the span's attributes. Reading each distinct key at most once per decision, into
 * locals rather than an array, keeps twenty rules close to the cost of one and allocates nothing.
 */
final class RuleSet {

  private static final int CACHED_KEYS = 4;
  // Identity sentinel: "not read yet" (null means "read, absent").
  private static final String UNREAD = new String("unread");

  private final Rule[] rules;
  private final boolean hasDropRules;
  private final PrefixIndex index; // null: scan every rule
  private final Matcher[] slotReaders = new Matcher[CACHED_KEYS]; // reads each cached key

  RuleSet(List<Rule> rules) {
    this.rules = rules.toArray(new Rule[0]);
    List<String> keys = new ArrayList<>();
    boolean drops = false;
    for (Rule rule : this.rules) {
      drops |= rule.isDrop();
      for (Matcher m : rule.matchers) {
        if (m.target != Matcher.Target.ATTRIBUTE) {
          continue;
        }
        int slot = keys.indexOf(m.key);
        if (slot < 0 && keys.size() < CACHED_KEYS) {
          keys.add(m.key);
          slot = keys.size() - 1;
          slotReaders[slot] = m;
        }
        m.slot = slot;
      }
    }
    this.hasDropRules = drops;
    this.index = PrefixIndex.build(rules);
  }

  boolean hasDropRules() {
    return hasDropRules;
  }

  boolean isEmpty() {
    return rules.length == 0;
  }

  List<Rule> rules() {
    return List.of(rules);
  }

  /** Returns the first rule whose matchers all hold, or {@code null}. */
  Rule firstMatch(String name, SpanKind kind, Attributes attributes) {
    String v0 = UNREAD;
    String v1 = UNREAD;
    String v2 = UNREAD;
    String v3 = UNREAD;
    long candidates = -1L; // without an index every rule is a candidate
    if (index != null) {
      // The index is built on one of the cached slots; read it into its local first.
      switch (index.slot()) {
        case 0:
          v0 = readSlot(0, attributes);
          candidates = index.candidates(v0);
          break;
        case 1:
          v1 = readSlot(1, attributes);
          candidates = index.candidates(v1);
          break;
        case 2:
          v2 = readSlot(2, attributes);
          candidates = index.candidates(v2);
          break;
        default:
          v3 = readSlot(3, attributes);
          candidates = index.candidates(v3);
      }
    }
    // With an index, visit only the candidate rules (lowest bit = earliest rule): a request that
    // matches no prefix skips the loop entirely. Without one, every rule is a candidate.
    int r = index != null ? Long.numberOfTrailingZeros(candidates) : 0;
    rules:
    for (; r < rules.length; r = next(r, candidates)) {
      Rule rule = rules[r];
      for (Matcher m : rule.matchers) {
        boolean ok;
        if (m.target != Matcher.Target.ATTRIBUTE) {
          ok = m.test(kind, name);
        } else {
          String value;
          switch (m.slot) {
            case 0:
              if (v0 == UNREAD) {
                v0 = m.read(attributes);
              }
              value = v0;
              break;
            case 1:
              if (v1 == UNREAD) {
                v1 = m.read(attributes);
              }
              value = v1;
              break;
            case 2:
              if (v2 == UNREAD) {
                v2 = m.read(attributes);
              }
              value = v2;
              break;
            case 3:
              if (v3 == UNREAD) {
                v3 = m.read(attributes);
              }
              value = v3;
              break;
            default:
              value = m.read(attributes);
          }
          ok = m.testValue(value);
        }
        if (!ok) {
          continue rules;
        }
      }
      return rule;
    }
    return null;
  }

  /** The rule after {@code r}: the next candidate bit with an index, else simply {@code r + 1}. */
  private int next(int r, long candidates) {
    if (index == null) {
      return r + 1;
    }
    long rest = r >= 63 ? 0 : candidates & (-1L << (r + 1));
    return rest == 0 ? rules.length : Long.numberOfTrailingZeros(rest);
  }

  private String readSlot(int slot, Attributes attributes) {
    return slotReaders[slot].read(attributes);
  }

  @Override
  public String toString() {
    return List.of(rules).toString();
  }
}
