package io.reqlens.examples.e2e;

import io.reqlens.examples.otlp.ReceivedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One local trace normalized for comparison: each node is a span's kind, name, status and
 * attributes (event attributes included, as {@code event <name>: <key>}; the instrumentation scope
 * as {@value #SCOPE}), its children ordered by kind, name and start time. Ids, timestamps and the
 * parent of the root are left out: they differ between any two runs.
 *
 * @param start the span's start time, only to order siblings
 */
record SpanTree(
    String kind,
    String name,
    String status,
    Map<String, String> attributes,
    List<SpanTree> children,
    long start) {

  /** The instrumentation scope's name, compared like an attribute under this key. */
  static final String SCOPE = "otel.scope.name";

  /** The kind of the node {@link #resource} makes. */
  static final String RESOURCE = "RESOURCE";

  private static final Comparator<SpanTree> SIBLINGS =
      Comparator.comparing(SpanTree::kind)
          .thenComparing(SpanTree::name)
          .thenComparingLong(SpanTree::start);

  /**
   * The tree of a trace's spans.
   *
   * @throws AssertionError unless exactly one span's parent is outside the trace (the root)
   */
  static SpanTree of(List<ReceivedSpan> trace) {
    Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    List<ReceivedSpan> roots =
        trace.stream().filter(s -> !ids.contains(s.parentSpanId())).collect(Collectors.toList());
    if (roots.size() != 1) {
      throw new AssertionError("expected one root in " + trace + ", found " + roots);
    }
    return node(roots.get(0), trace);
  }

  private static SpanTree node(ReceivedSpan span, List<ReceivedSpan> trace) {
    List<SpanTree> children = new ArrayList<>();
    for (ReceivedSpan s : trace) {
      if (s.parentSpanId().equals(span.spanId())) {
        children.add(node(s, trace));
      }
    }
    children.sort(SIBLINGS);
    Map<String, String> attributes = new TreeMap<>();
    SpanViews.of(span).attributes().forEach((k, v) -> attributes.put(k, String.valueOf(v)));
    attributes.put(SCOPE, span.scopeName());
    for (var event : span.span().getEventsList()) {
      for (var kv : event.getAttributesList()) {
        attributes.put(
            "event " + event.getName() + ": " + kv.getKey(),
            ReceivedSpan.attribute(event, kv.getKey()));
      }
    }
    return new SpanTree(
        span.kind().name().replace("SPAN_KIND_", ""),
        span.name(),
        span.span().getStatus().getCode().name().replace("STATUS_CODE_", ""),
        attributes,
        List.copyOf(children),
        span.span().getStartTimeUnixNano());
  }

  /** The resource a span was exported with, as a node of kind {@value #RESOURCE}. */
  static SpanTree resource(ReceivedSpan span) {
    Map<String, String> attributes = new TreeMap<>();
    for (var kv : span.resource().getAttributesList()) {
      attributes.put(kv.getKey(), span.resourceAttribute(kv.getKey()));
    }
    return new SpanTree(RESOURCE, "", "", attributes, List.of(), 0);
  }

  /** The number of spans in the tree. */
  int size() {
    return 1 + children.stream().mapToInt(SpanTree::size).sum();
  }

  /** {@code KIND 'name'}, how differences name a span. */
  String label() {
    return kind + " '" + name + "'";
  }

  /** The shape: one line per span, indented by depth, for failure messages. */
  String shape() {
    StringBuilder sb = new StringBuilder();
    shape(sb, 0);
    return sb.toString();
  }

  private void shape(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth)).append(label()).append(' ').append(status).append('\n');
    children.forEach(c -> c.shape(sb, depth + 1));
  }
}
