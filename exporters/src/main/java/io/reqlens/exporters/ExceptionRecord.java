package io.reqlens.exporters;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.ExceptionEventData;
import io.reqlens.core.semconv.SemConv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/** One exception recorded on a span: what a {@code REQ_META} event reports. */
final class ExceptionRecord {

  final long epochNanos;
  final String traceId;
  final String spanId;
  final String service;
  final String serviceVersion;
  final double sampleRate;
  final String type;
  final String message;
  final String stacktrace;
  final long heldSinceNanos;

  private ExceptionRecord(
      long epochNanos,
      String traceId,
      String spanId,
      String service,
      String serviceVersion,
      double sampleRate,
      String type,
      String message,
      String stacktrace,
      long heldSinceNanos) {
    this.epochNanos = epochNanos;
    this.traceId = traceId;
    this.spanId = spanId;
    this.service = service;
    this.serviceVersion = serviceVersion;
    this.sampleRate = sampleRate;
    this.type = type;
    this.message = message;
    this.stacktrace = stacktrace;
    this.heldSinceNanos = heldSinceNanos;
  }

  /** Returns the exception an {@code exception} event describes, or null for other events. */
  static ExceptionRecord of(
      EventData event,
      String traceId,
      String spanId,
      String service,
      String serviceVersion,
      double sampleRate,
      long nowNanos) {
    if (!"exception".equals(event.getName())) {
      return null;
    }
    Attributes a = event.getAttributes();
    String type = a.get(SemConv.EXCEPTION_TYPE);
    String message = a.get(SemConv.EXCEPTION_MESSAGE);
    String stacktrace = a.get(SemConv.EXCEPTION_STACKTRACE);
    if (event instanceof ExceptionEventData) {
      // Fallback for SDKs that keep the Throwable but not (all of) its attributes.
      Throwable t = ((ExceptionEventData) event).getException();
      if (t != null) {
        type = type != null ? type : t.getClass().getName();
        message = message != null ? message : t.getMessage();
        stacktrace = stacktrace != null ? stacktrace : stackTrace(t);
      }
    }
    return new ExceptionRecord(
        event.getEpochNanos(),
        traceId,
        spanId,
        service,
        serviceVersion,
        sampleRate,
        type,
        message,
        stacktrace,
        nowNanos);
  }

  private static String stackTrace(Throwable t) {
    StringWriter sw = new StringWriter();
    try (PrintWriter pw = new PrintWriter(sw)) {
      t.printStackTrace(pw);
    }
    return sw.toString();
  }

  /** The same exception seen on a child span and again on the server span it propagated to. */
  boolean sameException(ExceptionRecord other) {
    return Objects.equals(type, other.type)
        && Objects.equals(message, other.message)
        && Objects.equals(stacktrace, other.stacktrace);
  }
}
