package io.reqlens.report.internal.input;

import io.reqlens.core.event.EventKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the reader saw: counts per outcome and a few example problems (file and line number, at most
 * a short excerpt). Everything skipped is counted here, so the report can say so.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class InputStats {

  /** Why lines or files were skipped. */
  public enum Skip {
    UNREADABLE_FILE("unreadable file(s)"),
    NOT_REGULAR_FILE(
        "entries named like event files that are not regular files (FIFO, device, folder)"),
    IMPOSSIBLE_VALUE(
        "line(s) with impossible values (a negative count, size or duration, a duration over a"
            + " year, sample_rate outside (0,1])"),
    INVALID_JSON("line(s) not valid JSON"),
    NOT_EVENT("JSON line(s) that are not request-profile events"),
    FUTURE_VERSION("line(s) of a future schema version"),
    TOO_LONG("line(s) longer than 8 MiB"),
    TORN("torn last line(s) of a file being written (normal, not an error)");

    /** How the count is described to the user. */
    public final String description;

    Skip(String description) {
      this.description = description;
    }
  }

  private static final int MAX_EXAMPLES_PER_KIND = 3;

  public long filesRead;
  public long bytesRead;
  public long lines;
  public long blankLines;
  public long maxVersionSeen = EventParser.SCHEMA_VERSION;
  private final Map<EventKind, Long> events = new EnumMap<>(EventKind.class);
  private final Map<Skip, Long> skipped = new EnumMap<>(Skip.class);
  private final Map<Skip, Integer> examplesPerKind = new EnumMap<>(Skip.class);
  private final List<String> examples = new ArrayList<>();

  void event(EventKind kind) {
    events.merge(kind, 1L, Long::sum);
  }

  void skip(Skip why, String example) {
    skipped.merge(why, 1L, Long::sum);
    if (example != null && examplesPerKind.merge(why, 1, Integer::sum) <= MAX_EXAMPLES_PER_KIND) {
      examples.add(example);
    }
  }

  /** Events read per kind. */
  public long events(EventKind kind) {
    return events.getOrDefault(kind, 0L);
  }

  /** All events read. */
  public long events() {
    long n = 0;
    for (long v : events.values()) {
      n += v;
    }
    return n;
  }

  /** Skips of one kind. */
  public long skipped(Skip why) {
    return skipped.getOrDefault(why, 0L);
  }

  /** Skipped lines or files that are problems (torn tails are normal and not counted). */
  public long problems() {
    long n = 0;
    for (Map.Entry<Skip, Long> e : skipped.entrySet()) {
      n += e.getKey() == Skip.TORN ? 0 : e.getValue();
    }
    return n;
  }

  /** A few examples of each problem, in the order met. */
  public List<String> examples() {
    return Collections.unmodifiableList(examples);
  }
}
