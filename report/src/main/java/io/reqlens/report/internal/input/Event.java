package io.reqlens.report.internal.input;

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

  /** The event kinds of DESIGN.md. */
  public enum Kind {
    REQ,
    REQ_META,
    DB,
    FN
  }

  public Kind kind;
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

  // FN
  public String fn;

  // REQ_META
  public String exceptionType;
  public String exceptionValue;
  public String traceback;

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
  }

  /** The re-weighting factor {@code 1 / sample_rate}; 1 when the rate is missing or invalid. */
  public double weight() {
    return sampleRate > 0 && sampleRate <= 1 ? 1 / sampleRate : 1;
  }
}
