package io.reqlens.report.internal.replay;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the files in order and sends their spans in batches; after each batch the endpoint accepted
 * it moves the checkpoint to just past that batch's last span. A span is never sent again by a
 * replay that continues from the checkpoint: everything before the checkpoint was acknowledged,
 * everything after it was not (see README "Checkpoint" for the one window where that is not so).
 */
final class Replayer {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private final ReplayOptions options;
  private final Checkpoint checkpoint; // null in a dry run without a checkpoint to read
  private final BatchSender sender; // null in a dry run
  private final Progress progress;
  private final PrintWriter err;
  final ReplayStats stats = new ReplayStats();

  /** Set from another thread (Ctrl-C) to stop after the batch in flight. */
  volatile boolean stop;

  private final List<SpanData> batch = new ArrayList<>();
  private final Map<Checkpoint.Entry, Long> batchCounts = new LinkedHashMap<>();
  private final List<Runnable> pendingMoves = new ArrayList<>();
  private long bytesTotal;
  private long bytesDone;

  /** Why the run ended early, or null. */
  enum Stop {
    EXPORT_FAILED,
    INTERRUPTED,
    CHECKPOINT_FAILED
  }

  Stop stoppedBy;

  Replayer(
      ReplayOptions options,
      Checkpoint checkpoint,
      BatchSender sender,
      Progress progress,
      PrintWriter err) {
    this.options = options;
    this.checkpoint = checkpoint;
    this.sender = sender;
    this.progress = progress;
    this.err = err;
  }

  void run(List<Path> files) throws InterruptedException {
    for (Path f : files) {
      try {
        bytesTotal += Files.size(f);
      } catch (IOException e) {
        // counted when the file is read
      }
    }
    LineDecoder decoder = new LineDecoder();
    for (Path f : files) {
      if (stop || stoppedBy != null) {
        break;
      }
      readFile(f, decoder);
    }
    if (stoppedBy == null && !stop) {
      flush();
    }
    if (stop && stoppedBy == null) {
      stoppedBy = Stop.INTERRUPTED;
    }
    progress.done();
  }

  private void readFile(Path file, LineDecoder decoder) throws InterruptedException {
    String key = file.toString();
    long size;
    Checkpoint.Entry e;
    try {
      size = Files.size(file);
      e = entry(key, file, size);
    } catch (IOException ex) {
      stats.unreadableFiles++;
      err.println("reqlens replay: " + file + ": cannot read (" + ex.getMessage() + ")");
      return;
    }
    stats.files++;
    if (e.offset == size && e.skip == 0 && e.offset > 0) {
      stats.filesAlreadySent++;
      stats.bytesAlreadySent += size;
      bytesDone += size;
      return;
    }
    stats.bytesAlreadySent += e.offset;
    bytesDone += e.offset;
    int skip = e.skip;
    long committed = e.offset;
    try (LineSource in = new LineSource(file, e.offset)) {
      while (in.next()) {
        if (stop) {
          return;
        }
        stats.lines++;
        stats.bytes += in.lineEnd - in.lineStart;
        bytesDone += in.lineEnd - in.lineStart;
        if (in.tooLong) {
          stats.tooLong++;
          committed = in.lineEnd;
          skip = 0;
          continue;
        }
        if (in.length == 0) {
          committed = in.lineEnd;
          continue;
        }
        List<ReplaySpan> spans;
        try {
          spans = decoder.decode(in.buf(), in.start, in.length);
        } catch (BadLine bad) {
          if (!in.terminated) {
            stats.tornLines++; // being written, or cut by a crash: read again next time
          } else {
            stats.bad(file.getFileName() + " at byte " + in.lineStart, bad.getMessage());
            committed = in.lineEnd;
          }
          skip = 0;
          continue;
        }
        for (int i = skip; i < spans.size(); i++) {
          ReplaySpan s = spans.get(i);
          stats.spansRead++;
          if (!keep(s)) {
            continue;
          }
          batch.add(s);
          batchCounts.merge(e, 1L, Long::sum);
          if (batch.size() >= options.batchSize) {
            boolean lastOfLine = i == spans.size() - 1;
            move(e, lastOfLine ? in.lineEnd : in.lineStart, lastOfLine ? 0 : i + 1, false);
            if (!flush()) {
              return;
            }
          }
        }
        skip = 0;
        committed = in.lineEnd;
        progress.update(bytesDone, bytesTotal, stats.spansSent);
      }
    } catch (IOException ex) {
      stats.unreadableFiles++;
      err.println("reqlens replay: " + file + ": cannot read (" + ex.getMessage() + ")");
    }
    move(e, committed, 0, committed == size);
  }

  /** The checkpoint entry of a file, new when the checkpoint has none or the file changed. */
  private Checkpoint.Entry entry(String key, Path file, long size) throws IOException {
    Checkpoint.Entry e = checkpoint == null ? null : checkpoint.files.get(key);
    if (e != null && (e.offset > size || !Checkpoint.head(file, e.headLen).equals(e.head))) {
      err.println(
          "reqlens replay: "
              + file
              + " is not the file the checkpoint knew (replaced or truncated): reading it from"
              + " the start");
      e = null;
    }
    if (e == null) {
      e = new Checkpoint.Entry();
      e.headLen = (int) Math.min(Checkpoint.HEAD_BYTES, size);
      e.head = Checkpoint.head(file, e.headLen);
      if (checkpoint != null) {
        checkpoint.files.put(key, e);
      }
    }
    return e;
  }

  private boolean keep(ReplaySpan s) {
    if (options.sinceNs != null && s.startNs < options.sinceNs) {
      stats.beforeSince++;
      return false;
    }
    if (options.untilNs != null && s.startNs >= options.untilNs) {
      stats.afterUntil++;
      return false;
    }
    if (!options.services.isEmpty()
        && !options.services.contains(s.resource.getAttribute(SERVICE_NAME))) {
      stats.otherService++;
      return false;
    }
    return true;
  }

  /** Records where a file will stand once everything read so far is acknowledged. */
  private void move(Checkpoint.Entry e, long offset, int skip, boolean complete) {
    pendingMoves.add(
        () -> {
          e.offset = offset;
          e.skip = skip;
          e.complete = complete;
        });
  }

  /** Sends the batch; on success applies the pending moves and saves the checkpoint. */
  private boolean flush() throws InterruptedException {
    if (!batch.isEmpty()) {
      if (sender != null && !sender.send(new ArrayList<>(batch))) {
        stoppedBy = Stop.EXPORT_FAILED;
        return false;
      }
      stats.batches++;
      stats.spansSent += batch.size();
      for (Map.Entry<Checkpoint.Entry, Long> c : batchCounts.entrySet()) {
        c.getKey().spans += c.getValue();
      }
      batch.clear();
      batchCounts.clear();
    }
    if (sender == null) {
      pendingMoves.clear(); // a dry run never moves the checkpoint
      return true;
    }
    for (Runnable m : pendingMoves) {
      m.run();
    }
    pendingMoves.clear();
    if (checkpoint != null) {
      try {
        checkpoint.save();
      } catch (IOException ex) {
        err.println(
            "reqlens replay: cannot write the checkpoint "
                + checkpoint.path
                + ": "
                + ex.getMessage());
        stoppedBy = Stop.CHECKPOINT_FAILED;
        return false;
      }
    }
    progress.update(bytesDone, bytesTotal, stats.spansSent);
    return true;
  }
}
