package io.reqlens.report.internal.replay;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;

/**
 * A span read back from a file, as the SDK's exporters take it: every field the file holds, as it
 * was (ids, flags, tracestate, times, attributes, dropped counts, resource, scope).
 */
final class ReplaySpan implements SpanData {

  final SpanContext context;
  final SpanContext parent;
  final Resource resource;
  final InstrumentationScopeInfo scope;
  final String name;
  final SpanKind kind;
  final long startNs;
  final long endNs;
  final Attributes attributes;
  final int totalAttributes;
  final List<EventData> events;
  final int totalEvents;
  final List<LinkData> links;
  final int totalLinks;
  final StatusData status;

  ReplaySpan(SpanFields f, Resource resource, InstrumentationScopeInfo scope) {
    this.context = f.context;
    this.parent = f.parent;
    this.resource = resource;
    this.scope = scope;
    this.name = f.name;
    this.kind = f.kind;
    this.startNs = f.startNs;
    this.endNs = f.endNs;
    this.attributes = f.attributes;
    this.totalAttributes = f.attributes.size() + f.droppedAttributes;
    this.events = List.copyOf(f.events);
    this.totalEvents = f.events.size() + f.droppedEvents;
    this.links = List.copyOf(f.links);
    this.totalLinks = f.links.size() + f.droppedLinks;
    this.status = f.status;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public SpanKind getKind() {
    return kind;
  }

  @Override
  public SpanContext getSpanContext() {
    return context;
  }

  @Override
  public SpanContext getParentSpanContext() {
    return parent;
  }

  @Override
  public StatusData getStatus() {
    return status;
  }

  @Override
  public long getStartEpochNanos() {
    return startNs;
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public List<EventData> getEvents() {
    return events;
  }

  @Override
  public List<LinkData> getLinks() {
    return links;
  }

  @Override
  public long getEndEpochNanos() {
    return endNs;
  }

  @Override
  public boolean hasEnded() {
    return true;
  }

  @Override
  public int getTotalRecordedEvents() {
    return totalEvents;
  }

  @Override
  public int getTotalRecordedLinks() {
    return totalLinks;
  }

  @Override
  public int getTotalAttributeCount() {
    return totalAttributes;
  }

  @Override
  @SuppressWarnings("deprecation") // the interface still requires it
  public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
    return InstrumentationLibraryInfo.create(
        scope.getName(), scope.getVersion(), scope.getSchemaUrl());
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return scope;
  }

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public String toString() {
    return "ReplaySpan{" + context.getTraceId() + "/" + context.getSpanId() + " " + name + "}";
  }
}
