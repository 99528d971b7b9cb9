package io.reqlens.report.internal.analysis;

import io.reqlens.report.internal.input.Event;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request: its {@code REQ} event with the {@code DB} and {@code REQ_META} events of its trace,
 * as assembled by {@link RequestAssembler}. Statements are kept aggregated per text, so a request
 * that runs one query ten thousand times costs one entry.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Request {

  /** At most this many distinct statements and exceptions are kept per request. */
  static final int MAX_STATEMENTS = 256;

  static final int MAX_EXCEPTIONS = 4;

  /** One statement's calls within this request. */
  public static final class Calls {
    public final String key;
    public final String system;
    public long count;
    public long durNs;
    public long maxNs;
    public long errors;

    /** The application frame that issued it (DB events' {@code caller}), if one was written. */
    public String caller;

    Calls(String key, String system) {
      this.key = key;
      this.system = system;
    }
  }

  /** One recorded exception. */
  public static final class Failure {
    public final String type;
    public final String message;
    public final String traceback;

    Failure(String type, String message, String traceback) {
      this.type = type;
      this.message = message;
      this.traceback = traceback;
    }
  }

  public final String traceId;
  long tsNs = Event.NONE;
  String spanId;
  String service;
  String serviceVersion;
  double weight = 1;
  String method;
  String route;
  String path;
  int status = -1;
  long durNs;
  long bytesIn = Event.NONE;
  long bytesOut = Event.NONE;
  boolean error;
  long dbCount = Event.NONE;
  long dbDurNs = Event.NONE;
  boolean hasReq;
  long dbEvents;
  long dbEventsDurNs;
  private final Map<String, Calls> statements = new LinkedHashMap<>();
  private final List<Failure> failures = new ArrayList<>(1);
  private ReportData.ProfileData profile; // the PROF event, when the request was stack-sampled

  Request(String traceId) {
    this.traceId = traceId;
  }

  void setReq(Event e) {
    hasReq = true;
    tsNs = e.tsNs;
    spanId = e.spanId;
    service = e.service;
    serviceVersion = e.serviceVersion;
    weight = e.weight();
    method = e.method;
    route = e.route != null ? e.route : e.path;
    path = e.path;
    status = e.status == Event.NONE ? -1 : (int) e.status;
    durNs = e.durNs;
    bytesIn = e.bytesIn;
    bytesOut = e.bytesOut;
    error = e.error || status >= 500;
    dbCount = e.dbCount;
    dbDurNs = e.dbDurNs;
  }

  void addDb(Event e) {
    dbEvents++;
    dbEventsDurNs += e.durNs;
    String key = Statements.key(e);
    Calls c = statements.get(key);
    if (c == null) {
      if (statements.size() >= MAX_STATEMENTS) {
        return;
      }
      c = new Calls(key, e.dbSystem);
      statements.put(key, c);
    }
    c.count++;
    if (c.caller == null) {
      c.caller = e.caller;
    }
    c.durNs += e.durNs;
    c.maxNs = Math.max(c.maxNs, e.durNs);
    if (e.error) {
      c.errors++;
    }
  }

  void addFailure(Event e) {
    addFailure(e.exceptionType, e.exceptionValue, e.traceback);
  }

  /** Adds calls kept elsewhere ({@link WindowStore} rebuilding a stored request). */
  void addCalls(String key, String system, long count, long durNs, long maxNs, long errors) {
    Calls c = new Calls(key, system);
    c.count = count;
    c.durNs = durNs;
    c.maxNs = maxNs;
    c.errors = errors;
    statements.put(key, c);
  }

  void addFailure(String type, String message, String traceback) {
    if (failures.size() < MAX_EXCEPTIONS) {
      failures.add(new Failure(type, message, traceback));
    }
  }

  /** The request's {@code PROF} event (the first, if a trace had several); kept until released. */
  void setProfile(Event e) {
    if (profile == null && e.samples > 0 && !e.stacks.isEmpty()) {
      ReportData.ProfileData p = new ReportData.ProfileData();
      p.samples = e.samples;
      p.intervalNs = e.intervalNs == Event.NONE ? 0 : e.intervalNs;
      p.stacks = new ArrayList<>(e.stacks); // bounded by the reader (EventFields.MAX_STACKS)
      profile = p;
    }
  }

  /** The request's code profile, or null when it was not stack-sampled. */
  public ReportData.ProfileData profile() {
    return profile;
  }

  public long tsNs() {
    return tsNs;
  }

  public String spanId() {
    return spanId;
  }

  public String service() {
    return service;
  }

  public String serviceVersion() {
    return serviceVersion;
  }

  /** {@code 1 / sample_rate}: how many real requests this kept one stands for. */
  public double weight() {
    return weight;
  }

  public String method() {
    return method;
  }

  public String route() {
    return route;
  }

  public String path() {
    return path;
  }

  /** The HTTP status, -1 when unknown. */
  public int status() {
    return status;
  }

  public long durNs() {
    return durNs;
  }

  public long bytesIn() {
    return bytesIn;
  }

  public long bytesOut() {
    return bytesOut;
  }

  public boolean error() {
    return error;
  }

  /** Queries per the REQ event's {@code db_count}, else the count of its DB events. */
  public long queries() {
    return dbCount != Event.NONE ? dbCount : dbEvents;
  }

  /** Time in the database per {@code db_dur_ns}, else the sum of its DB events. */
  public long dbNs() {
    return dbDurNs != Event.NONE ? dbDurNs : dbEventsDurNs;
  }

  public Iterable<Calls> statements() {
    return statements.values();
  }

  public List<Failure> failures() {
    return Collections.unmodifiableList(failures);
  }
}
