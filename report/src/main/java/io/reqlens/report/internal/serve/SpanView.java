package io.reqlens.report.internal.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One span of a local trace as the request page shows it. */
final class SpanView {

  String spanId;
  String parentSpanId;
  String name;
  String kind;
  long startNs;
  long endNs;
  String status;
  String statusMessage;
  String service;
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<String[]> exceptions = new ArrayList<>();
  String dbSystem;
  String statement;
}
