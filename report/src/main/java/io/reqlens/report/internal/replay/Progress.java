package io.reqlens.report.internal.replay;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, otherwise a plain line every 10 s (so
 * logs of a CI job or {@code nohup} stay readable).
 */
abstract class Progress {

  static final Progress NONE =
      new Progress() {
        @Override
        void update(long bytesDone, long bytesTotal, long spansSent) {}
      };

  abstract void update(long bytesDone, long bytesTotal, long spansSent);

  void done() {}

  static Progress create(PrintWriter err, boolean terminal) {
    return terminal ? new Bar(err) : new Lines(err);
  }

  private static final class Bar extends Progress {
    private static final long REDRAW_NS = 250_000_000L;
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private long lastNs;
    private boolean drawn;

    Bar(PrintWriter err) {
      this.err = err;
    }

    @Override
    void update(long bytesDone, long bytesTotal, long spansSent) {
      long now = System.nanoTime();
      if (drawn && now - lastNs < REDRAW_NS) {
        return;
      }
      lastNs = now;
      int pct = bytesTotal <= 0 ? 100 : (int) Math.min(100, 100 * bytesDone / bytesTotal);
      int filled = WIDTH * pct / 100;
      err.print(
          String.format(
              Locale.ROOT,
              "\rreplay [%s%s] %3d%% %,d spans sent",
              "#".repeat(filled),
              ".".repeat(WIDTH - filled),
              pct,
              spansSent));
      err.flush();
      drawn = true;
    }

    @Override
    void done() {
      if (drawn) {
        err.print("\r" + " ".repeat(70) + "\r");
        err.flush();
      }
    }
  }

  private static final class Lines extends Progress {
    private static final long EVERY_NS = 10_000_000_000L;
    private final PrintWriter err;
    private final long startNs = System.nanoTime();
    private long lastNs = startNs;

    Lines(PrintWriter err) {
      this.err = err;
    }

    @Override
    void update(long bytesDone, long bytesTotal, long spansSent) {
      long now = System.nanoTime();
      if (now - lastNs < EVERY_NS) {
        return;
      }
      lastNs = now;
      int pct = bytesTotal <= 0 ? 100 : (int) Math.min(100, 100 * bytesDone / bytesTotal);
      err.println(
          String.format(
              Locale.ROOT,
              "reqlens replay: %d%% of the input read, %d spans sent (%ds)",
              pct,
              spansSent,
              (now - startNs) / 1_000_000_000L));
      err.flush();
    }
  }
}
