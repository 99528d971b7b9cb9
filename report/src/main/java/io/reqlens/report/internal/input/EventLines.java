package io.reqlens.report.internal.input;

/**
 * Parses event lines one at a time for a reader that finds the lines itself ({@code reqlens serve},
 * which follows growing files): the same parser, counts and messages as {@link EventReader}, into
 * one {@link InputStats}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class EventLines {

  private final EventParser parser = new EventParser();
  private final InputStats stats = new InputStats();

  public InputStats stats() {
    return stats;
  }

  /**
   * The event on this line, or null when the line is blank or was skipped (then counted, with an
   * example naming {@code file} and {@code lineNo}). The event is reused by the next call.
   */
  public Event parse(byte[] buf, int off, int len, String file, long lineNo) {
    stats.lines++;
    stats.bytesRead += len + 1;
    if (isBlank(buf, off, len)) {
      stats.blankLines++;
      return null;
    }
    EventParser.Result r = parser.parse(buf, off, len);
    switch (r) {
      case OK:
        stats.event(parser.event().kind);
        return parser.event();
      case IMPOSSIBLE_VALUE:
        stats.skip(
            InputStats.Skip.IMPOSSIBLE_VALUE,
            file + ":" + lineNo + ": impossible value: " + Messages.excerpt(buf, off, len));
        return null;
      case FUTURE_VERSION:
        stats.maxVersionSeen = Math.max(stats.maxVersionSeen, parser.event().version);
        stats.skip(
            InputStats.Skip.FUTURE_VERSION,
            file + ":" + lineNo + ": schema version " + parser.event().version);
        return null;
      case INVALID_JSON:
        stats.skip(
            InputStats.Skip.INVALID_JSON,
            file + ":" + lineNo + ": not valid JSON: " + Messages.excerpt(buf, off, len));
        return null;
      default:
        stats.skip(
            InputStats.Skip.NOT_EVENT,
            file
                + ":"
                + lineNo
                + ": not an event (kind, ts_ns, trace_id, dur_ns): "
                + Messages.excerpt(buf, off, len));
        return null;
    }
  }

  /** A line longer than the reader accepts, skipped. */
  public void tooLong(String file, long lineNo) {
    stats.lines++;
    stats.skip(
        InputStats.Skip.TOO_LONG,
        file + ":" + lineNo + ": line longer than " + (LineReader.MAX_LINE_BYTES >> 20) + " MiB");
  }

  /** A file that could not be read; counted like the report counts it. */
  public void unreadable(String file, java.io.IOException e) {
    stats.skip(
        InputStats.Skip.UNREADABLE_FILE, file + ": cannot read (" + Messages.reason(e) + ")");
  }

  /** A file read for the first time. */
  public void fileOpened() {
    stats.filesRead++;
  }

  private static boolean isBlank(byte[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
