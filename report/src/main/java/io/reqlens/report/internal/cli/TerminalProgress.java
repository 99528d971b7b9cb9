package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.input.EventReader;
import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar redrawn with {@code \r} at most four times a second. */
final class TerminalProgress implements EventReader.Progress {

  private static final long REDRAW_NS = 250_000_000L;
  private static final int BAR = 30;

  private final PrintWriter err;
  private final long startNs = System.nanoTime();
  private long lastDrawNs;
  private boolean drawn;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void update(long done, long total) {
    long now = System.nanoTime();
    if (now - lastDrawNs < REDRAW_NS || total <= 0) {
      return;
    }
    lastDrawNs = now;
    int filled = (int) Math.min(BAR, BAR * done / total);
    double mbs = done / 1e6 / Math.max(1e-9, (now - startNs) / 1e9);
    err.print(
        String.format(
            Locale.ROOT,
            "\rreading [%s%s] %3d%% %.0f MB/s",
            "#".repeat(filled),
            ".".repeat(BAR - filled),
            100 * done / total,
            mbs));
    err.flush();
    drawn = true;
  }

  /** Clears the line. */
  void done() {
    if (drawn) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
