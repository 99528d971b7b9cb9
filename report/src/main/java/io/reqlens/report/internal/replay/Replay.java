package io.reqlens.report.internal.replay;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code replay}: lists the files, resolves where to send, loads the checkpoint, sends,
 * prints what happened, and returns the exit code.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Replay {

  public static final int OK = 0;
  public static final int SKIPPED_INPUT = 1;
  public static final int USAGE = 2;
  public static final int NOTHING = 3;
  public static final int EXPORT_FAILED = 4;
  public static final int CHECKPOINT = 6;

  private final ReplayOptions o;
  private final PrintWriter out;
  private final PrintWriter err;
  private BatchSender.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
  private boolean terminal;
  private SpanExporter exporter;

  public Replay(ReplayOptions options, PrintWriter out, PrintWriter err) {
    this.o = options;
    this.out = out;
    this.err = err;
  }

  /** Draw a progress bar (stderr is a terminal) instead of plain lines. */
  public Replay terminal(boolean terminal) {
    this.terminal = terminal;
    return this;
  }

  /** Tests: send through this exporter instead of one built from the settings. */
  Replay exporter(SpanExporter exporter) {
    this.exporter = exporter;
    return this;
  }

  Replay sleeper(BatchSender.Sleeper sleeper) {
    this.sleeper = sleeper;
    return this;
  }

  /**
   * Runs the replay.
   *
   * @throws IllegalArgumentException for an invalid option or variable (a usage error)
   */
  public int run() throws IOException, InterruptedException {
    OtlpSettings settings = OtlpSettings.resolve(o);
    SpanFiles listing = SpanFiles.list(o.inputs);
    for (String p : listing.problems) {
      err.println("reqlens replay: " + p);
    }
    if (listing.files.isEmpty()) {
      err.println("reqlens replay: nothing to send: no span files to read");
      err.flush();
      return NOTHING;
    }
    Checkpoint checkpoint = checkpoint(settings, listing.files.get(0));
    if (checkpoint == null) {
      return CHECKPOINT;
    }
    BatchSender sender = null;
    ExporterLog log = null;
    if (!o.dryRun) {
      log = ExporterLog.install(err);
      sender =
          new BatchSender(
              exporter != null ? exporter : Exporters.create(settings),
              o.retries,
              o.maxBackoff,
              settings.timeout,
              sleeper,
              err);
    }
    Progress progress = o.progress ? Progress.create(err, terminal) : Progress.NONE;
    Replayer replayer = new Replayer(o, checkpoint, sender, progress, err);
    replayer.stats.activeSkipped = listing.activeSkipped;
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> interrupt(replayer, finished), "reqlens-replay-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      replayer.run(listing.files);
    } finally {
      finished.countDown();
      removeHook(hook);
      if (sender != null) {
        sender.shutdown();
      }
      if (log != null) {
        log.close();
      }
    }
    return finish(replayer, settings, checkpoint, listing);
  }

  private int finish(
      Replayer replayer, OtlpSettings settings, Checkpoint checkpoint, SpanFiles listing) {
    ReplayStats stats = replayer.stats;
    stats.print(out, o.dryRun, settings.target());
    if (!o.dryRun) {
      out.println("  checkpoint: " + checkpoint.path);
    }
    out.flush();
    if (replayer.stoppedBy == Replayer.Stop.EXPORT_FAILED) {
      err.println(
          "reqlens replay: the endpoint did not accept a batch after "
              + (o.retries + 1)
              + " attempt(s); "
              + stats.spansSent
              + " span(s) were sent. Run the same command again to continue from the checkpoint.");
      err.flush();
      return EXPORT_FAILED;
    }
    if (replayer.stoppedBy == Replayer.Stop.CHECKPOINT_FAILED) {
      return CHECKPOINT;
    }
    if (replayer.stoppedBy == Replayer.Stop.INTERRUPTED) {
      err.println("reqlens replay: interrupted; the checkpoint has everything acknowledged so far");
      err.flush();
      return EXPORT_FAILED;
    }
    if (stats.spansSent == 0 && stats.filesAlreadySent < stats.files) {
      err.println(
          "reqlens replay: nothing to send: "
              + (stats.spansRead == 0
                  ? "no spans in the files"
                  : "no span matched --since/--until/--service"));
      err.flush();
      return NOTHING;
    }
    return stats.skippedInput() || !listing.problems.isEmpty() ? SKIPPED_INPUT : OK;
  }

  /** Loads the checkpoint; null (after saying why) when it cannot be used. */
  private Checkpoint checkpoint(OtlpSettings settings, Path first) {
    Path path = o.checkpoint;
    if (path == null) {
      path = first.getParent().resolve(Checkpoint.defaultName(settings.target()));
    }
    Checkpoint c;
    try {
      c = o.restart ? new Checkpoint(path) : Checkpoint.load(path);
    } catch (IOException e) {
      err.println(
          "reqlens replay: cannot read the checkpoint "
              + path
              + ": "
              + e.getMessage()
              + " (--restart starts over, --checkpoint FILE uses another)");
      err.flush();
      return null;
    }
    if (!c.target.isEmpty()
        && (!c.target.equals(settings.target()) || !c.filters.equals(o.filtersKey()))) {
      err.println(
          "reqlens replay: the checkpoint "
              + path
              + " was written by a replay to '"
              + c.target
              + "' with '"
              + c.filters
              + "'; this one is to '"
              + settings.target()
              + "' with '"
              + o.filtersKey()
              + "'. Use the same options, --restart to start over, or --checkpoint FILE.");
      err.flush();
      return null;
    }
    c.target = settings.target();
    c.filters = o.filtersKey();
    if (!o.dryRun) {
      try {
        c.save(); // fails now, before anything is sent, when the folder is not writable
      } catch (IOException e) {
        err.println(
            "reqlens replay: cannot write the checkpoint "
                + path
                + " ("
                + e
                + "); use --checkpoint FILE in a folder you can write");
        err.flush();
        return null;
      }
    }
    return c;
  }

  /** Ctrl-C: stop after the batch in flight and wait (bounded) for the checkpoint. */
  private static void interrupt(Replayer replayer, CountDownLatch finished) {
    replayer.stop = true;
    try {
      finished.await(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down (Ctrl-C): the hook is running and waits for us.
    }
  }
}
