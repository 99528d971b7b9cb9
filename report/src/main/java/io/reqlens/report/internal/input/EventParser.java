package io.reqlens.report.internal.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.reqlens.core.event.EventKind;
import io.reqlens.core.event.EventSchema;
import java.io.IOException;

/**
 * Parses one event line with Jackson's streaming parser into a reused {@link Event}.
 *
 * <p>Why a parser per line rather than one over the whole file? A line that is not valid JSON must
 * cost only that line; a single stream parser cannot resynchronise after a syntax error. Creating a
 * parser over a byte range is cheap (Jackson recycles its buffers).
 *
 * <p>Not thread-safe.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class EventParser {

  /** What one line turned out to be. */
  public enum Result {
    OK,
    INVALID_JSON,
    NOT_EVENT,
    FUTURE_VERSION,
    /** Parsed, but a value no writer produces (negative count, sample_rate 0, …): skipped. */
    IMPOSSIBLE_VALUE
  }

  /** Longest duration taken as real: a year. Beyond, a clock jumped or the line is corrupt. */
  static final long MAX_DUR_NS = 365L * 24 * 3600 * 1_000_000_000L;

  /**
   * Smallest sample rate taken as real: 2^-56, the smallest non-zero OTEP 235 probability (a
   * threshold of 56 bits). Below, 1/sample_rate would stand for more requests than exist.
   */
  static final double MIN_SAMPLE_RATE = 0x1p-56;

  /** Most queries in one request taken as real. */
  static final long MAX_DB_COUNT = 1_000_000_000L;

  /** The newest schema version this reader understands. */
  public static final int SCHEMA_VERSION = EventSchema.VERSION;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          // No input excerpts in exception messages: the lines are user data.
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private final Event event = new Event();

  /** The event of the last {@link Result#OK} or {@link Result#FUTURE_VERSION} parse. */
  public Event event() {
    return event;
  }

  /** Parses {@code len} bytes of {@code buf} from {@code off} (one line, no newline). */
  public Result parse(byte[] buf, int off, int len) {
    event.clear();
    try (JsonParser p = JSON.createParser(buf, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Result.NOT_EVENT;
      }
      boolean hasKind = false;
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        JsonToken t = p.nextToken();
        if ("kind".equals(name)) {
          hasKind = t == JsonToken.VALUE_STRING;
          event.kind = hasKind ? EventKind.forName(p.getText()) : null;
        } else {
          EventFields.set(event, name, t, p);
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        return Result.INVALID_JSON;
      }
      if (event.version > SCHEMA_VERSION) {
        return Result.FUTURE_VERSION;
      }
      if (!isEvent()) {
        return Result.NOT_EVENT;
      }
      return possible() ? Result.OK : Result.IMPOSSIBLE_VALUE;
    } catch (IOException | RuntimeException e) {
      // RuntimeException: Jackson signals number overflow and similar with unchecked exceptions.
      return Result.INVALID_JSON;
    }
  }

  private boolean isEvent() {
    Event e = event;
    if (e.kind == null || e.tsNs == Event.NONE || e.traceId == null) {
      return false;
    }
    switch (e.kind) {
      case REQ:
      case DB:
      case FN:
        return e.durNs != Event.NONE;
      default:
        return true;
    }
  }

  /**
   * Whether every value could have been written by a real request: shown as if real, a negative
   * query count breaks the tables, a huge duration overflows a percentile, a tiny sample rate turns
   * one line into more requests than exist. {@link Event#NONE} (absent or null) always passes.
   */
  private boolean possible() {
    Event e = event;
    double rate = e.sampleRate;
    return e.tsNs >= 0
        && (Double.isNaN(rate) || (rate >= MIN_SAMPLE_RATE && rate <= 1))
        && duration(e.durNs)
        && duration(e.dbDurNs)
        && (e.status == Event.NONE || (e.status >= 0 && e.status <= 999))
        && (e.dbCount == Event.NONE || (e.dbCount >= 0 && e.dbCount <= MAX_DB_COUNT))
        && notNegative(e.bytesIn)
        && notNegative(e.bytesOut)
        && notNegative(e.rows)
        && notNegative(e.samples)
        && notNegative(e.intervalNs);
  }

  private static boolean duration(long ns) {
    return ns == Event.NONE || (ns >= 0 && ns <= MAX_DUR_NS);
  }

  private static boolean notNegative(long v) {
    return v == Event.NONE || v >= 0;
  }
}
