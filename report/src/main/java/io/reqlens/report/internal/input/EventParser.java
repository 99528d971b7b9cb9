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
 */
public final class EventParser {

  /** What one line turned out to be. */
  public enum Result {
    OK,
    INVALID_JSON,
    NOT_EVENT,
    FUTURE_VERSION
  }

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
      return isEvent() ? Result.OK : Result.NOT_EVENT;
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
        return e.durNs != Event.NONE && e.durNs >= 0;
      default:
        return true;
    }
  }
}
