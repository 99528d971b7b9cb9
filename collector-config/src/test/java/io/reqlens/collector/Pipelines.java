package io.reqlens.collector;

import io.reqlens.collector.Problem.Kind;
import io.reqlens.collector.SchemaIndex.Component;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;

/**
 * The rules the Collector applies to {@code service::pipelines} at start-up (there is no schema for
 * them): pipeline IDs, the three lists, every ID defined, at least one receiver and one exporter,
 * connectors used on both sides with matching signals, and every component used.
 */
final class Pipelines {

  private final Map<SchemaIndex.Kind, Map<String, Component>> defined;
  private final List<Problem> problems;
  private final Set<String> usedReceivers = new HashSet<>();
  private final Set<String> usedProcessors = new HashSet<>();
  private final Set<String> usedExporters = new HashSet<>();
  private final Set<String> connectorsAsExporter = new HashSet<>();
  private final Set<String> connectorsAsReceiver = new HashSet<>();

  Pipelines(Map<SchemaIndex.Kind, Map<String, Component>> defined, List<Problem> problems) {
    this.defined = defined;
    this.problems = problems;
  }

  void check(JsonNode pipelines) {
    if (!pipelines.isObject() || pipelines.isEmpty()) {
      problems.add(new Problem(Kind.STRUCTURE, "service.pipelines", "at least one is required"));
      return;
    }
    for (Map.Entry<String, JsonNode> e : pipelines.properties()) {
      pipeline(e.getKey(), e.getValue());
    }
    unused(SchemaIndex.Kind.RECEIVER, usedReceivers);
    unused(SchemaIndex.Kind.PROCESSOR, usedProcessors);
    unused(SchemaIndex.Kind.EXPORTER, usedExporters);
    for (String id : defined.get(SchemaIndex.Kind.CONNECTOR).keySet()) {
      if (!connectorsAsExporter.contains(id) || !connectorsAsReceiver.contains(id)) {
        problems.add(
            new Problem(
                Kind.UNUSED,
                "connectors." + id,
                "a connector must be an exporter of one pipeline and a receiver of another"));
      }
    }
  }

  private void pipeline(String id, JsonNode p) {
    String where = "service.pipelines." + id;
    Matcher m = ConfigChecker.pipelineId().matcher(id);
    if (!m.matches()) {
      problems.add(new Problem(Kind.STRUCTURE, where, "not a pipeline ID (signal[/name])"));
      return;
    }
    String signal = m.group(1);
    p.propertyNames().stream()
        .filter(k -> !ConfigChecker.pipelineKeys().contains(k))
        .forEach(k -> problems.add(new Problem(Kind.STRUCTURE, where + "." + k, "unknown key")));
    List<String> receivers = ids(p, "receivers", where);
    List<String> exporters = ids(p, "exporters", where);
    if (receivers.isEmpty() || exporters.isEmpty()) {
      problems.add(
          new Problem(Kind.STRUCTURE, where, "needs at least one receiver and one exporter"));
    }
    for (String r : receivers) {
      side(r, where + ".receivers", signal, SchemaIndex.Kind.RECEIVER, usedReceivers, 1);
    }
    for (String proc : ids(p, "processors", where)) {
      side(proc, where + ".processors", signal, SchemaIndex.Kind.PROCESSOR, usedProcessors, -1);
    }
    for (String x : exporters) {
      side(x, where + ".exporters", signal, SchemaIndex.Kind.EXPORTER, usedExporters, 0);
    }
  }

  /**
   * One ID in a pipeline list. {@code connectorSide} is the index into a connector's (from, to)
   * signals this list may use: 0 for exporters, 1 for receivers, -1 where no connector may be.
   */
  private void side(
      String id,
      String where,
      String signal,
      SchemaIndex.Kind kind,
      Set<String> used,
      int connectorSide) {
    Component c = defined.get(kind).get(id);
    if (c == null && connectorSide >= 0) {
      c = defined.get(SchemaIndex.Kind.CONNECTOR).get(id);
      if (c != null) {
        (connectorSide == 0 ? connectorsAsExporter : connectorsAsReceiver).add(id);
        Optional<String[]> signals = ConfigChecker.connectorSignals(c);
        if (signals.isPresent() && !signals.get()[connectorSide].equals(signal)) {
          problems.add(
              new Problem(
                  Kind.SIGNAL,
                  where,
                  "connector '"
                      + id
                      + "' turns "
                      + signals.get()[0]
                      + " into "
                      + signals.get()[1]
                      + "; it cannot be here in a "
                      + signal
                      + " pipeline"));
        }
        return;
      }
    }
    if (c == null) {
      problems.add(
          new Problem(
              Kind.UNDEFINED_REFERENCE,
              where,
              "'" + id + "' is not defined under " + kind.section));
      return;
    }
    used.add(id);
    if (c.supports(signal).orElse(true).equals(false)) {
      problems.add(
          new Problem(
              Kind.SIGNAL,
              where,
              "'" + c.type() + "' does not handle " + signal + " (index.yaml)"));
    }
  }

  private List<String> ids(JsonNode p, String key, String where) {
    JsonNode list = p.path(key);
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      problems.add(new Problem(Kind.STRUCTURE, where + "." + key, "not a list of IDs"));
      return List.of();
    }
    return list.valueStream().map(JsonNode::asString).toList();
  }

  private void unused(SchemaIndex.Kind kind, Set<String> used) {
    defined.get(kind).keySet().stream()
        .filter(id -> !used.contains(id))
        .forEach(
            id ->
                problems.add(
                    new Problem(Kind.UNUSED, kind.section + "." + id, "no pipeline uses it")));
  }
}
