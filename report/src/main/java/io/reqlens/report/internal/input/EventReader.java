package io.reqlens.report.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Streams event files line by line into an {@link EventSink}: memory does not depend on the input
 * size. Bad lines and unreadable files are counted in {@link InputStats} and skipped; the rest is
 * still read.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class EventReader {

  /** Receives progress: bytes read so far over all files, and the total to read. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void update(long done, long total);
  }

  private final EventParser parser = new EventParser();
  private final LineReader lines = new LineReader();
  private final InputStats stats = new InputStats();

  public InputStats stats() {
    return stats;
  }

  /** Reads every file in order. */
  public void read(List<Path> files, EventSink sink, Progress progress) {
    long total = 0;
    for (Path f : files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        // Counted when the file is opened below.
      }
    }
    long before = 0;
    for (Path f : files) {
      long base = before;
      long grand = total;
      readFile(f, sink, done -> progress.update(base + done, grand));
      before = stats.bytesRead;
    }
  }

  private void readFile(Path file, EventSink sink, java.util.function.LongConsumer progress) {
    FileLines handler = new FileLines(file, sink);
    long start = stats.bytesRead;
    try {
      // Checked right before opening: a FIFO would block the open, /dev/zero would never end.
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        stats.skip(
            InputStats.Skip.NOT_REGULAR_FILE,
            file
                + ": "
                + (a.isDirectory() ? "a folder named like an event file" : InputFiles.NOT_REGULAR)
                + ", skipped");
        return;
      }
    } catch (IOException | RuntimeException e) {
      stats.skip(
          InputStats.Skip.UNREADABLE_FILE, file + ": cannot read (" + Messages.reason(e) + ")");
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      lines.read(
          in,
          handler,
          n -> {
            stats.bytesRead = start + n;
            progress.accept(n);
          });
      stats.filesRead++;
    } catch (IOException e) {
      stats.skip(
          InputStats.Skip.UNREADABLE_FILE, file + ": cannot read (" + Messages.reason(e) + ")");
    }
  }

  /** Handles the lines of one file (knows its name and line numbers for messages). */
  private final class FileLines implements LineReader.Sink {
    private final Path file;
    private final EventSink sink;
    private long lineNo;

    FileLines(Path file, EventSink sink) {
      this.file = file;
      this.sink = sink;
    }

    @Override
    public void line(byte[] buf, int off, int len, boolean terminated) {
      lineNo++;
      stats.lines++;
      if (isBlank(buf, off, len)) {
        stats.blankLines++;
        return;
      }
      EventParser.Result r = parser.parse(buf, off, len);
      switch (r) {
        case OK:
          stats.event(parser.event().kind);
          sink.accept(parser.event());
          return;
        case IMPOSSIBLE_VALUE:
          stats.skip(
              InputStats.Skip.IMPOSSIBLE_VALUE,
              where() + ": impossible value: " + Messages.excerpt(buf, off, len));
          return;
        case FUTURE_VERSION:
          stats.maxVersionSeen = Math.max(stats.maxVersionSeen, parser.event().version);
          stats.skip(
              InputStats.Skip.FUTURE_VERSION,
              where() + ": schema version " + parser.event().version);
          return;
        default:
          if (!terminated && r == EventParser.Result.INVALID_JSON) {
            // The writer had not finished this line: normal for an active file.
            stats.skip(InputStats.Skip.TORN, null);
            return;
          }
          InputStats.Skip why =
              r == EventParser.Result.INVALID_JSON
                  ? InputStats.Skip.INVALID_JSON
                  : InputStats.Skip.NOT_EVENT;
          stats.skip(
              why,
              where()
                  + ": "
                  + (why == InputStats.Skip.INVALID_JSON
                      ? "not valid JSON"
                      : "not an event (kind, ts_ns, trace_id, dur_ns)")
                  + ": "
                  + Messages.excerpt(buf, off, len));
      }
    }

    @Override
    public void tooLong() {
      lineNo++;
      stats.lines++;
      stats.skip(InputStats.Skip.TOO_LONG, where() + ": line longer than 8 MiB");
    }

    private String where() {
      return file.getFileName() + ":" + lineNo;
    }
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
