package io.reqlens.examples.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Every difference between the agent's and the library's tree of the same request: the shape
 * (kinds, names, parent/child), statuses, attribute keys either side lacks, and values of keys both
 * have.
 */
final class TreeDiff {

  /** What differs. */
  enum Type {
    /** Kinds, names or parent/child structure: the trees cannot be paired span by span. */
    SHAPE,
    /** The span status code. */
    STATUS,
    /** An attribute only the agent's span has. */
    AGENT_ONLY,
    /** An attribute only the library's span has. */
    LIBRARY_ONLY,
    /** An attribute both have, with different values. */
    VALUE
  }

  /**
   * One difference.
   *
   * @param request the request's label
   * @param kind the span kind ({@code SERVER}, {@code CLIENT}, …)
   * @param span the span's label in the agent's tree
   * @param key the attribute key (null for SHAPE and STATUS)
   */
  record Difference(
      String request,
      String kind,
      String span,
      Type type,
      String key,
      String agent,
      String library) {

    @Override
    public String toString() {
      String where = request + " / " + span + ": " + type;
      return key == null
          ? where + "\n  agent:   " + agent + "\n  library: " + library
          : where
              + " "
              + key
              + (type == Type.VALUE
                  ? " agent=" + agent + " library=" + library
                  : type == Type.AGENT_ONLY
                      ? " (agent value " + agent + ")"
                      : " (library value " + library + ")");
    }
  }

  private TreeDiff() {}

  static List<Difference> compare(String request, SpanTree agent, SpanTree library) {
    List<Difference> out = new ArrayList<>();
    compare(request, agent, library, out);
    return out;
  }

  private static void compare(
      String request, SpanTree agent, SpanTree library, List<Difference> out) {
    if (!agent.label().equals(library.label()) || !labels(agent).equals(labels(library))) {
      out.add(
          new Difference(
              request,
              agent.kind(),
              agent.label(),
              Type.SHAPE,
              null,
              "\n" + agent.shape(),
              "\n" + library.shape()));
      return;
    }
    if (!agent.status().equals(library.status())) {
      out.add(
          new Difference(
              request,
              agent.kind(),
              agent.label(),
              Type.STATUS,
              null,
              agent.status(),
              library.status()));
    }
    Map<String, String> a = agent.attributes();
    Map<String, String> l = library.attributes();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(l.keySet());
    for (String key : keys) {
      Type type =
          !l.containsKey(key)
              ? Type.AGENT_ONLY
              : !a.containsKey(key)
                  ? Type.LIBRARY_ONLY
                  : Objects.equals(a.get(key), l.get(key)) ? null : Type.VALUE;
      if (type != null) {
        out.add(
            new Difference(
                request, agent.kind(), agent.label(), type, key, a.get(key), l.get(key)));
      }
    }
    for (int i = 0; i < agent.children().size(); i++) {
      compare(request, agent.children().get(i), library.children().get(i), out);
    }
  }

  private static List<String> labels(SpanTree tree) {
    return tree.children().stream().map(SpanTree::label).toList();
  }
}
