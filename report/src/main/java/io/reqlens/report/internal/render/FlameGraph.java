package io.reqlens.report.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges folded stacks ({@code PROF} events' {@code stacks}: {@code "root;...;leaf COUNT"}) into
 * one call tree and writes it as the JSON that {@code flamegraph.js} draws: {@code {"name",
 * "value", "children": [...]}} (the d3-flame-graph shape, so that library could draw it too).
 * Shared by the dashboard and the static report.
 *
 * <p>Bounded: at most {@link #MAX_NODES} nodes are built (samples of deeper new frames count for
 * the last node that fits) and frame names are cut to {@link #MAX_FRAME_CHARS} characters; the JSON
 * leaves out nodes under {@link #MIN_SHARE} of all samples.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class FlameGraph {

  static final int MAX_NODES = 20_000;

  static final int MAX_FRAME_CHARS = 300;

  /** Nodes with a smaller share of all samples are left out of the JSON (unreadably thin). */
  static final double MIN_SHARE = 0.001;

  private static final class Node {
    final String name;
    long value;
    Map<String, Node> children;

    Node(String name) {
      this.name = name;
    }
  }

  private final Node root = new Node("all");
  private int nodes = 1;
  private long stacks;

  /** Adds one folded stack line; a line without a trailing count counts once. */
  public void addFolded(String line) {
    if (line == null) {
      return;
    }
    String s = line.trim();
    long count = 1;
    int space = s.lastIndexOf(' ');
    if (space > 0) {
      try {
        count = Long.parseLong(s.substring(space + 1));
        s = s.substring(0, space);
      } catch (NumberFormatException e) {
        // No count: the whole line is the stack.
      }
    }
    if (count <= 0 || s.isEmpty()) {
      return;
    }
    stacks++;
    Node at = root;
    at.value += count;
    for (String frame : s.split(";")) {
      if (frame.isEmpty()) {
        continue;
      }
      String name = frame.length() > MAX_FRAME_CHARS ? frame.substring(0, MAX_FRAME_CHARS) : frame;
      if (at.children == null) {
        at.children = new HashMap<>(4);
      }
      Node next = at.children.get(name);
      if (next == null) {
        if (nodes >= MAX_NODES) {
          return;
        }
        next = new Node(name);
        at.children.put(name, next);
        nodes++;
      }
      next.value += count;
      at = next;
    }
  }

  /** Adds every line of {@code folded}. */
  public void addAll(Iterable<String> folded) {
    for (String line : folded) {
      addFolded(line);
    }
  }

  /** All samples added. */
  public long samples() {
    return root.value;
  }

  /** Stack lines added. */
  public long stacks() {
    return stacks;
  }

  /** Writes the tree as the value of the current field (or array element). */
  public void write(JsonGenerator g) throws IOException {
    long min = (long) Math.ceil(root.value * MIN_SHARE);
    write(root, min, g);
  }

  private static void write(Node n, long min, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", n.name);
    g.writeNumberField("value", n.value);
    g.writeArrayFieldStart("children");
    if (n.children != null) {
      List<Node> kids = new ArrayList<>(n.children.values());
      // Widest first, then by name: the same input always draws the same picture.
      kids.sort(
          (a, b) -> a.value != b.value ? Long.compare(b.value, a.value) : a.name.compareTo(b.name));
      for (Node k : kids) {
        if (k.value >= min) {
          write(k, min, g);
        }
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
