package io.reqlens.exporters;

import static io.reqlens.exporters.JsonWriter.bytes;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.core.event.EventField;
import io.reqlens.core.event.EventKind;
import io.reqlens.core.event.EventSchema;
import io.reqlens.core.profile.FoldedProfile;
import io.reqlens.core.profile.ProfiledSpanData;
import io.reqlens.core.sampling.ConsistentProbability;
import io.reqlens.core.semconv.ReqlensAttributes;
import io.reqlens.core.semconv.SemConv;
import io.reqlens.core.sql.QuerySummary;
import java.util.Collection;
import java.util.List;

/**
 * Maps spans to the request-profile events of DESIGN.md, one JSON object per line: {@code REQ} per
 * SERVER span, {@code DB} per database CLIENT span, {@code FN} per INTERNAL span, {@code REQ_META}
 * per exception of a local trace, {@code PROF} per stack-sampled local root (its data is a {@link
 * ProfiledSpanData}, handed on by the local-trace processor; written right after the root's {@code
 * REQ}). Every key is always written, {@code null} when unknown.
 *
 * <p>Not thread-safe: used under the exporter's lock.
 */
final class ReqEventEncoder implements SpanEncoder, LocalTraceExceptions.Sink {

  private static final byte[] KIND_REQ = prefix(EventKind.REQ);
  private static final byte[] KIND_DB = prefix(EventKind.DB);
  private static final byte[] KIND_FN = prefix(EventKind.FN);
  private static final byte[] KIND_META = prefix(EventKind.REQ_META);
  private static final byte[] KIND_PROF = prefix(EventKind.PROF);
  private static final byte[] TRACE_ID = key(EventField.TRACE_ID);
  private static final byte[] SPAN_ID = key(EventField.SPAN_ID);
  private static final byte[] SERVICE = key(EventField.SERVICE);
  private static final byte[] SERVICE_VERSION = key(EventField.SERVICE_VERSION);
  private static final byte[] SAMPLE_RATE = key(EventField.SAMPLE_RATE);
  private static final byte[] METHOD = key(EventField.METHOD);
  private static final byte[] ROUTE = key(EventField.ROUTE);
  private static final byte[] PATH = key(EventField.PATH);
  private static final byte[] STATUS = key(EventField.STATUS);
  private static final byte[] DUR = key(EventField.DUR_NS);
  private static final byte[] BYTES_IN = key(EventField.BYTES_IN);
  private static final byte[] BYTES_OUT = key(EventField.BYTES_OUT);
  private static final byte[] ERROR = key(EventField.ERROR);
  private static final byte[] DB_COUNT = key(EventField.DB_COUNT);
  private static final byte[] DB_DUR = key(EventField.DB_DUR_NS);
  private static final byte[] PARENT = key(EventField.PARENT_SPAN_ID);
  private static final byte[] DB_SYSTEM = key(EventField.DB_SYSTEM);
  private static final byte[] OPERATION = key(EventField.OPERATION);
  private static final byte[] COLLECTION = key(EventField.COLLECTION);
  private static final byte[] QUERY = key(EventField.QUERY);
  private static final byte[] ROWS = key(EventField.ROWS);
  private static final byte[] FN = key(EventField.FN);
  private static final byte[] CALLER = key(EventField.CALLER);
  private static final byte[] EXCEPTION_TYPE = key(EventField.EXCEPTION_TYPE);
  private static final byte[] EXCEPTION_VALUE = key(EventField.EXCEPTION_VALUE);
  private static final byte[] TRACEBACK = key(EventField.TRACEBACK);
  private static final byte[] INTERVAL = key(EventField.INTERVAL_NS);
  private static final byte[] SAMPLES = key(EventField.SAMPLES);
  private static final byte[] STACKS = key(EventField.STACKS);

  private final Clock clock;
  private final LocalTraceExceptions exceptions = new LocalTraceExceptions();
  private final SanitizedQueries queries = new SanitizedQueries();
  private JsonWriter out;

  // One-entry caches: a process has one Resource, and most spans share one sampling rate.
  private Resource cachedResource;
  private String cachedService;
  private String cachedServiceVersion;
  private double cachedRate = Double.NaN;
  private byte[] cachedRateJson;

  /** {@code {"kind":"REQ","v":1,"ts_ns":} — the header's constant part, in schema order. */
  private static byte[] prefix(EventKind kind) {
    return bytes(
        "{\""
            + EventField.KIND.key()
            + "\":\""
            + kind.name()
            + "\",\""
            + EventField.V.key()
            + "\":"
            + EventSchema.VERSION
            + ",\""
            + EventField.TS_NS.key()
            + "\":");
  }

  /** {@code ,"key":} for one field. */
  private static byte[] key(EventField field) {
    return bytes(",\"" + field.key() + "\":");
  }

  ReqEventEncoder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public int encode(Collection<SpanData> spans, JsonWriter out) {
    this.out = out;
    long now = clock.nanoTime();
    exceptions.expire(now, false, this);
    exceptions.beginBatch();
    for (SpanData span : spans) {
      if (hasException(span.getEvents())) {
        exceptions.noteExceptionIn(span.getSpanContext().getTraceId());
      }
    }
    for (SpanData span : spans) {
      if (span.getKind() == SpanKind.SERVER) {
        exceptions.serverSpan(
            span.getSpanContext().getTraceId(), route(span.getAttributes()), now, this);
      }
    }
    int dropped = 0;
    for (SpanData span : spans) {
      int mark = out.size();
      try {
        encodeSpan(span, now);
      } catch (RuntimeException e) {
        out.truncate(mark);
        dropped++;
      }
    }
    this.out = null;
    return dropped;
  }

  @Override
  public int flushPending(JsonWriter out, boolean all) {
    this.out = out;
    exceptions.expire(clock.nanoTime(), all, this);
    this.out = null;
    return 0;
  }

  private void encodeSpan(SpanData span, long now) {
    Attributes a = span.getAttributes();
    SpanKind kind = span.getKind();
    if (kind == SpanKind.SERVER) {
      writeReq(span, a);
    } else if (kind == SpanKind.INTERNAL) {
      writeFn(span, a);
    } else if (kind == SpanKind.CLIENT) {
      String system = SemConv.first(a, SemConv.DB_SYSTEM_NAME, SemConv.DB_SYSTEM_OLD);
      if (system != null) {
        writeDb(span, a, system);
      }
    }
    if (span instanceof ProfiledSpanData) {
      FoldedProfile profile = ((ProfiledSpanData) span).profile();
      if (profile != null) {
        writeProf(span, a, profile);
      }
    }
    if (kind == SpanKind.SERVER) {
      // Children's exceptions first: the same exception recorded again on the server span (as it
      // propagated) is then recognized as a repeat and the child, where it was thrown, is named.
      exceptions.releaseHeld(span.getSpanContext().getTraceId(), this);
    }
    List<EventData> events = span.getEvents();
    if (hasException(events)) {
      String traceId = span.getSpanContext().getTraceId();
      for (EventData event : events) {
        ExceptionRecord r =
            ExceptionRecord.of(
                event,
                traceId,
                span.getSpanContext().getSpanId(),
                service(span.getResource()),
                cachedServiceVersion,
                ConsistentProbability.sampleRate(span.getSpanContext().getTraceState()),
                now);
        if (r != null) {
          exceptions.exception(r, now, this);
        }
      }
    }
  }

  private void writeReq(SpanData span, Attributes a) {
    header(KIND_REQ, span);
    out.raw(METHOD);
    out.string(SemConv.first(a, SemConv.HTTP_REQUEST_METHOD, SemConv.HTTP_METHOD_OLD));
    out.raw(ROUTE);
    out.string(route(a));
    out.raw(PATH);
    out.string(path(a));
    Long status = SemConv.first(a, SemConv.HTTP_RESPONSE_STATUS_CODE, SemConv.HTTP_STATUS_CODE_OLD);
    out.raw(STATUS);
    nullableNumber(status);
    duration(span);
    out.raw(BYTES_IN);
    nullableNumber(
        SemConv.first(a, SemConv.HTTP_REQUEST_BODY_SIZE, SemConv.HTTP_REQUEST_CONTENT_LENGTH_OLD));
    out.raw(BYTES_OUT);
    nullableNumber(
        SemConv.first(
            a, SemConv.HTTP_RESPONSE_BODY_SIZE, SemConv.HTTP_RESPONSE_CONTENT_LENGTH_OLD));
    out.raw(ERROR);
    out.bool(isError(span) || (status != null && status >= 500));
    out.raw(DB_COUNT);
    nullableNumber(a.get(ReqlensAttributes.DB_COUNT));
    out.raw(DB_DUR);
    nullableNumber(a.get(ReqlensAttributes.DB_DURATION_NS));
    end();
  }

  /**
   * {@code operation} and {@code collection} come, in this order, from {@code db.operation.name}/
   * {@code db.collection.name} (or the old {@code db.operation}/{@code db.sql.table}), else from
   * {@code db.query.summary} (the agent's only hint under the stable conventions), else from the
   * sanitized statement: so they are filled under old and stable conventions alike.
   */
  private void writeDb(SpanData span, Attributes a, String system) {
    SanitizedQueries.Statement statement =
        queries.analyze(system, SemConv.first(a, SemConv.DB_QUERY_TEXT, SemConv.DB_STATEMENT_OLD));
    String operation = SemConv.first(a, SemConv.DB_OPERATION_NAME, SemConv.DB_OPERATION_OLD);
    String collection = SemConv.first(a, SemConv.DB_COLLECTION_NAME, SemConv.DB_SQL_TABLE_OLD);
    if (operation == null) {
      QuerySummary summary = QuerySummary.parse(a.get(SemConv.DB_QUERY_SUMMARY));
      if (summary != null) {
        operation = summary.operation();
        collection = collection != null ? collection : summary.collection();
      } else if (statement != null) {
        operation = statement.operation;
        collection = collection != null ? collection : statement.collection;
      }
    }
    header(KIND_DB, span);
    parent(span);
    out.raw(DB_SYSTEM);
    out.string(system);
    out.raw(OPERATION);
    out.string(operation);
    out.raw(COLLECTION);
    out.string(collection);
    out.raw(QUERY);
    out.string(statement == null ? null : statement.text);
    duration(span);
    out.raw(ROWS);
    nullableNumber(a.get(SemConv.DB_RETURNED_ROWS));
    out.raw(ERROR);
    out.bool(isError(span));
    out.raw(CALLER);
    out.string(a.get(ReqlensAttributes.N_PLUS_ONE_CALLER)); // set on the statements of an N+1
    end();
  }

  /**
   * The request's folded stacks. Frames are class and method names, never data; the profiler bounds
   * their number per request (256 distinct stacks and a {@code [truncated]} line by default).
   */
  private void writeProf(SpanData span, Attributes a, FoldedProfile profile) {
    header(KIND_PROF, span);
    out.raw(ROUTE);
    out.string(route(a));
    out.raw(INTERVAL);
    out.number(profile.intervalNanos());
    out.raw(SAMPLES);
    out.number(profile.samples());
    out.raw(STACKS);
    out.raw('[');
    List<String> stacks = profile.stacks();
    for (int i = 0; i < stacks.size(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.string(stacks.get(i));
    }
    out.raw(']');
    end();
  }

  private void writeFn(SpanData span, Attributes a) {
    header(KIND_FN, span);
    parent(span);
    out.raw(FN);
    out.string(functionName(span, a));
    duration(span);
    out.raw(ERROR);
    out.bool(isError(span));
    end();
  }

  @Override
  public void emit(ExceptionRecord r, String route) {
    out.raw(KIND_META);
    out.number(r.epochNanos);
    out.raw(TRACE_ID);
    out.string(r.traceId);
    out.raw(SPAN_ID);
    out.string(r.spanId);
    out.raw(SERVICE);
    out.string(r.service);
    out.raw(SERVICE_VERSION);
    out.string(r.serviceVersion);
    sampleRate(r.sampleRate);
    out.raw(ROUTE);
    out.string(route);
    out.raw(EXCEPTION_TYPE);
    out.string(r.type);
    out.raw(EXCEPTION_VALUE);
    out.string(r.message);
    out.raw(TRACEBACK);
    out.string(r.stacktrace);
    end();
  }

  private void header(byte[] kind, SpanData span) {
    SpanContext context = span.getSpanContext();
    out.raw(kind);
    out.number(span.getStartEpochNanos());
    out.raw(TRACE_ID);
    out.string(context.getTraceId());
    out.raw(SPAN_ID);
    out.string(context.getSpanId());
    out.raw(SERVICE);
    out.string(service(span.getResource()));
    out.raw(SERVICE_VERSION);
    out.string(cachedServiceVersion);
    sampleRate(ConsistentProbability.sampleRate(context.getTraceState()));
  }

  private void sampleRate(double rate) {
    if (Double.doubleToLongBits(rate) != Double.doubleToLongBits(cachedRate)) {
      cachedRate = rate;
      cachedRateJson = bytes(Double.toString(rate));
    }
    out.raw(SAMPLE_RATE);
    out.raw(cachedRateJson);
  }

  private void parent(SpanData span) {
    SpanContext parent = span.getParentSpanContext();
    out.raw(PARENT);
    out.string(parent.isValid() ? parent.getSpanId() : null);
  }

  private void duration(SpanData span) {
    out.raw(DUR);
    out.number(span.getEndEpochNanos() - span.getStartEpochNanos());
  }

  private void nullableNumber(Long v) {
    if (v == null) {
      out.nullValue();
    } else {
      out.number(v.longValue());
    }
  }

  private void end() {
    out.raw('}');
    out.newline();
  }

  private String service(Resource resource) {
    if (resource != cachedResource) {
      cachedService = resource.getAttribute(SemConv.SERVICE_NAME);
      cachedServiceVersion = resource.getAttribute(SemConv.SERVICE_VERSION);
      cachedResource = resource;
    }
    return cachedService;
  }

  /** {@code http.route}, else the path (no query string either way), else null. */
  static String route(Attributes a) {
    String route = a.get(SemConv.HTTP_ROUTE);
    return route != null ? SemConv.withoutQuery(route) : path(a);
  }

  /** {@code url.path}, else the old {@code http.target}; never with a query string. */
  static String path(Attributes a) {
    return SemConv.withoutQuery(SemConv.first(a, SemConv.URL_PATH, SemConv.HTTP_TARGET_OLD));
  }

  private static String functionName(SpanData span, Attributes a) {
    String fn = a.get(SemConv.CODE_FUNCTION_NAME);
    if (fn != null) {
      return fn;
    }
    String function = a.get(SemConv.CODE_FUNCTION_OLD);
    if (function != null) {
      String namespace = a.get(SemConv.CODE_NAMESPACE_OLD);
      return namespace == null ? function : namespace + "." + function;
    }
    return span.getName();
  }

  private static boolean isError(SpanData span) {
    return span.getStatus().getStatusCode() == StatusCode.ERROR;
  }

  private static boolean hasException(List<EventData> events) {
    for (int i = 0; i < events.size(); i++) {
      if ("exception".equals(events.get(i).getName())) {
        return true;
      }
    }
    return false;
  }
}
