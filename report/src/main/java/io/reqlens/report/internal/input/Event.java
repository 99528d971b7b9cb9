package io.reqlens.report.internal.input;

import io.reqlens.core.event.EventField;
import io.reqlens.core.event.EventKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One parsed event line, reused for every line of a read (the parser fills it, the consumer copies
 * what it keeps). Numeric fields use {@link #NONE} for a missing or {@code null} value.
 *
 * <p>Public mutable fields on purpose: one instance is refilled for every line (hundreds of
 * thousands a second), so getters and a fresh object per line would only add allocation.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class Event {

  /** Marks a missing numeric value. */
  public static final long NONE = Long.MIN_VALUE;

  public EventKind kind;
  public long version;
  public long tsNs;
  public String traceId;
  public String spanId;
  public String parentSpanId;
  public String service;
  public String serviceVersion;

  /** The probability the trace was kept; {@code NaN} when missing. */
  public double sampleRate;

  // REQ (route also in REQ_META)
  public String method;
  public String route;
  public String path;
  public long status;
  public long durNs;
  public long bytesIn;
  public long bytesOut;
  public boolean error;
  public long dbCount;
  public long dbDurNs;

  // DB
  public String dbSystem;
  public String operation;
  public String collection;
  public String query;
  public long rows;
  public String caller;

  // FN
  public String fn;

  // REQ_META
  public String exceptionType;
  public String exceptionValue;
  public String traceback;

  // PROF
  public long intervalNs;
  public long samples;

  /** Folded stacks ({@code "root;...;leaf COUNT"}); empty unless a PROF line. */
  public final List<String> stacks = new ArrayList<>();

  /** Resets every field before the next line. */
  void clear() {
    kind = null;
    version = 1;
    tsNs = NONE;
    traceId = null;
    spanId = null;
    parentSpanId = null;
    service = null;
    serviceVersion = null;
    sampleRate = Double.NaN;
    method = null;
    route = null;
    path = null;
    status = NONE;
    durNs = NONE;
    bytesIn = NONE;
    bytesOut = NONE;
    error = false;
    dbCount = NONE;
    dbDurNs = NONE;
    dbSystem = null;
    operation = null;
    collection = null;
    query = null;
    rows = NONE;
    fn = null;
    exceptionType = null;
    exceptionValue = null;
    traceback = null;
    caller = null;
    intervalNs = NONE;
    samples = NONE;
    stacks.clear();
  }

  /**
   * The value read for {@code field}, boxed; null when the line had none (or {@code null}). For
   * tests and generic renderers: the analysis reads the fields directly.
   */
  public Object value(EventField field) {
    switch (field) {
      case KIND:
        return kind == null ? null : kind.name();
      case V:
        return version;
      case TS_NS:
        return orNull(tsNs);
      case TRACE_ID:
        return traceId;
      case SPAN_ID:
        return spanId;
      case SERVICE:
        return service;
      case SERVICE_VERSION:
        return serviceVersion;
      case SAMPLE_RATE:
        return Double.isNaN(sampleRate) ? null : sampleRate;
      case PARENT_SPAN_ID:
        return parentSpanId;
      case METHOD:
        return method;
      case ROUTE:
        return route;
      case PATH:
        return path;
      case STATUS:
        return orNull(status);
      case DUR_NS:
        return orNull(durNs);
      case BYTES_IN:
        return orNull(bytesIn);
      case BYTES_OUT:
        return orNull(bytesOut);
      case ERROR:
        return error;
      case DB_COUNT:
        return orNull(dbCount);
      case DB_DUR_NS:
        return orNull(dbDurNs);
      case DB_SYSTEM:
        return dbSystem;
      case OPERATION:
        return operation;
      case COLLECTION:
        return collection;
      case QUERY:
        return query;
      case ROWS:
        return orNull(rows);
      case CALLER:
        return caller;
      case FN:
        return fn;
      case EXCEPTION_TYPE:
        return exceptionType;
      case EXCEPTION_VALUE:
        return exceptionValue;
      case TRACEBACK:
        return traceback;
      case INTERVAL_NS:
        return orNull(intervalNs);
      case SAMPLES:
        return orNull(samples);
      case STACKS:
        return stacks.isEmpty() ? null : new ArrayList<>(stacks);
      default:
        throw new AssertionError(field);
    }
  }

  private static Long orNull(long v) {
    return v == NONE ? null : v;
  }

  /** The re-weighting factor {@code 1 / sample_rate}; 1 when the rate is missing or invalid. */
  public double weight() {
    return sampleRate > 0 && sampleRate <= 1 ? 1 / sampleRate : 1;
  }
}
