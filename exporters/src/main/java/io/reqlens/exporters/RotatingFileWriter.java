package io.reqlens.exporters;

import io.opentelemetry.sdk.common.Clock;
import io.reqlens.core.log.ThrottledLogger;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Appends whole lines to {@code <prefix>-*.jsonl} files in one folder, rotating by size and by time
 * and keeping the closed files within a byte budget (see {@link FileNames}, {@link Retention},
 * {@link ActiveFileRepair} for the rules).
 *
 * <p>Contract: never throws on write; a failed write (folder removed or replaced, disk full,
 * permission lost) is counted, logged at most once a minute, reported as {@code false}, and the
 * next write starts over (folder and file recreated; an active file that could not be renamed is
 * renamed as soon as the folder allows, under a repaired name, and never blocks a new file). Lines
 * are never split across files, and a chunk of lines goes out in one {@code write}, so a crash can
 * tear only the last line. Bytes are handed to the OS on every write (no user-space buffer to lose
 * on a crash); there is no fsync.
 *
 * <p>Thread-safe: writes and the rotation timer share one lock. The timer is a daemon thread that
 * only closes files (never encodes), so an idle file still rotates on time.
 */
final class RotatingFileWriter {

  private static final Logger LOGGER = Logger.getLogger(RotatingFileWriter.class.getName());

  private final Path dir;
  private final String prefix;
  private final long rotateBytes;
  private final long rotateIntervalNanos;
  private final long retainBytes;
  private final Clock clock;
  private final Disk disk;
  private final boolean posix;
  private final FileNames names;
  private final ThrottledLogger log;
  private final ExportFailures failures;
  private final ScheduledExecutorService timer;

  private ActiveFile current;
  private boolean closed;

  // Why remember them? A file whose rename failed (folder made read-only, disk trouble) is closed
  // under its active name; it holds whole lines and is renamed as soon as the folder allows. The
  // writer itself always moves on to a new name, so a stranded file never blocks writing. Bounded:
  // beyond MAX_STRANDED the oldest is left for the next start's repair.
  static final int MAX_STRANDED = 16;
  private final List<Path> stranded = new ArrayList<>();

  // Why not list the folder after every rotation? With thousands of closed files that is the
  // whole cost of a rotation. The writer keeps an estimate of the closed bytes (its own since the
  // last listing) and lists when the estimate passes the budget, or every RESCAN_NANOS to see
  // what other processes sharing the folder wrote.
  static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(10);
  private long closedBytesEstimate;
  private long lastScanNanos;

  RotatingFileWriter(
      Path dir,
      String prefix,
      long rotateBytes,
      long rotateIntervalNanos,
      long retainBytes,
      Clock clock) {
    this(
        dir,
        prefix,
        rotateBytes,
        rotateIntervalNanos,
        retainBytes,
        clock,
        Disk.REAL,
        new ExportFailures(ExportFailures.exporterFor(prefix), null, clock));
  }

  RotatingFileWriter(
      Path dir,
      String prefix,
      long rotateBytes,
      long rotateIntervalNanos,
      long retainBytes,
      Clock clock,
      Disk disk,
      ExportFailures failures) {
    this.disk = disk;
    this.failures = failures;
    this.dir = dir.toAbsolutePath().normalize();
    this.prefix = prefix;
    this.rotateBytes = rotateBytes;
    this.rotateIntervalNanos = rotateIntervalNanos;
    this.retainBytes = retainBytes;
    this.clock = clock;
    this.posix = this.dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    this.names = new FileNames(prefix);
    this.log = new ThrottledLogger(LOGGER, clock);
    this.lastScanNanos = clock.nanoTime() - RESCAN_NANOS; // the first rotation lists the folder
    try {
      // At start, not at the first export: a newcomer looking for the folder finds it at once.
      createFolder();
    } catch (IOException | RuntimeException e) {
      fail("could not create " + this.dir + " (tried again at every write)", e);
    }
    try {
      ActiveFileRepair.repairAll(this.dir, prefix, disk);
    } catch (IOException | RuntimeException e) {
      fail("could not repair leftover active files in " + this.dir, e);
    }
    long period =
        Math.max(
            TimeUnit.MILLISECONDS.toNanos(10),
            Math.min(rotateIntervalNanos / 10, TimeUnit.SECONDS.toNanos(1)));
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "reqlens-" + prefix + "-rotation");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::rotateIfDue, period, period, TimeUnit.NANOSECONDS);
  }

  /**
   * Writes the lines {@code buf[0, lineEnds[lineCount - 1])} (each ending in a newline). Returns
   * false, after counting and logging, when they could not all be written.
   */
  synchronized boolean write(byte[] buf, int[] lineEnds, int lineCount) {
    if (closed) {
      return false;
    }
    failures.maybeRegister();
    int start = 0;
    int i = 0;
    try {
      checkNotVanished();
      while (i < lineCount) {
        if (current == null) {
          current = open();
        }
        long room = rotateBytes - current.size;
        int j = i;
        // Take the lines that fit; a line bigger than a whole file goes alone into an empty one.
        while (j < lineCount && (lineEnds[j] - start <= room || (j == i && current.size == 0))) {
          j++;
        }
        if (j == i) {
          rotate();
          continue;
        }
        current.append(buf, start, lineEnds[j - 1] - start);
        start = lineEnds[j - 1];
        i = j;
        if (current.size >= rotateBytes) {
          rotate();
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      fail("could not write " + (lineCount - i) + " lines to " + dir, e);
      abandon();
      return false;
    }
  }

  /** Closes the active file if it holds data and is older than the rotation interval. */
  synchronized void rotateIfDue() {
    if (closed || current == null || current.size == 0) {
      return;
    }
    if (clock.nanoTime() - current.openedNanos >= rotateIntervalNanos) {
      try {
        checkNotVanished();
        if (current != null) {
          rotate();
        }
      } catch (IOException | RuntimeException e) {
        fail("could not rotate " + dir, e);
        abandon();
      }
    }
  }

  /** Closes the active file and stops the timer; later writes fail. A second call does nothing. */
  void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (current != null) {
        try {
          rotate();
        } catch (IOException | RuntimeException e) {
          fail("could not close " + dir, e);
          abandon();
        }
      }
    }
    timer.shutdownNow();
    failures.close();
  }

  /** Write and rotation failures since start. */
  long failures() {
    return failures.total();
  }

  ExportFailures failureCounts() {
    return failures;
  }

  private void fail(String message, Throwable e) {
    ExportFailures.Reason reason = failures.record(e);
    log.warn(
        "Reqlens "
            + prefix
            + " files: "
            + message
            + " ("
            + reason.value
            + ", failure "
            + failures.total()
            + "; metric reqlens.export.failures): "
            + e,
        null);
  }

  /**
   * A file whose path is gone (deleted, folder removed or replaced) still accepts writes on Linux
   * and they would silently vanish; one stat per batch finds out, and the next write starts a new
   * file. What the lost file held is counted as one failure.
   */
  private void checkNotVanished() {
    if (current != null && !Files.exists(current.path)) {
      if (Files.notExists(current.path)) {
        fail(
            "active file vanished; its lines are lost",
            new NoSuchFileException(current.path.toString()));
      } else { // cannot tell (the folder cannot be searched): keep it to rename later
        fail("active file unreachable", new AccessDeniedException(current.path.toString()));
        strand(current.path);
      }
      current.closeQuietly();
      current = null;
    }
  }

  private void createFolder() throws IOException {
    try {
      disk.createDirectories(dir, posix);
    } catch (FileAlreadyExistsException e) {
      throw new NotDirectoryException(dir.toString()); // a file where the folder should be
    }
  }

  private void strand(Path path) {
    if (stranded.size() >= MAX_STRANDED) {
      stranded.remove(0); // still repaired at the next start
    }
    stranded.add(path);
  }

  /** Renames files whose rotation failed, now that the folder may allow it again. */
  private void recoverStranded() {
    for (Iterator<Path> it = stranded.iterator(); it.hasNext(); ) {
      Path p = it.next();
      try {
        if (ActiveFileRepair.repair(p, prefix, disk) || Files.notExists(p)) {
          it.remove();
        }
      } catch (IOException | RuntimeException e) {
        return; // still not allowed: try again before the next file is opened
      }
    }
  }

  private ActiveFile open() throws IOException {
    createFolder();
    recoverStranded();
    for (int attempt = 0; ; attempt++) {
      Path path = dir.resolve(names.active());
      ActiveFile file;
      try {
        file = ActiveFile.create(path, posix, disk, clock);
      } catch (FileAlreadyExistsException e) {
        file = null; // our name is taken (a stranded file of ours, or a stranger's): move on
      }
      if (file != null) {
        return file;
      }
      // Lost a race with a repairer in another process, or the name is taken: another name.
      names.renew();
      if (attempt >= 3) {
        throw new IOException("could not create and lock a new active file in " + dir);
      }
    }
  }

  private void rotate() throws IOException {
    ActiveFile file = current;
    current = null;
    if (file == null) {
      return;
    }
    try {
      if (file.size == 0) {
        Files.deleteIfExists(file.path);
      } else {
        for (int attempt = 0; ; attempt++) {
          try {
            disk.move(file.path, dir.resolve(names.nextClosed(file.openedMillis)));
            break;
          } catch (FileAlreadyExistsException e) {
            if (attempt > 100) {
              throw e;
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      strand(file.path); // whole lines (or none), kept: renamed once the folder allows
      throw e;
    } finally {
      file.closeQuietly(); // after the rename: the lock keeps repairers off until the file is
      // closed
    }
    closedBytesEstimate += file.size;
    long now = clock.nanoTime();
    if (file.size > 0
        && (closedBytesEstimate > retainBytes || now - lastScanNanos >= RESCAN_NANOS)) {
      try {
        closedBytesEstimate = Retention.enforce(dir, prefix, retainBytes);
        lastScanNanos = now;
      } catch (IOException | RuntimeException e) {
        fail("could not apply retention in " + dir, e); // the lines are safe: not a write failure
      }
    }
  }

  /** After a failed write: cut any partial chunk, close and try to keep what was written. */
  private void abandon() {
    ActiveFile file = current;
    if (file == null) {
      return;
    }
    try {
      file.channel.truncate(file.size);
      rotate();
    } catch (IOException | RuntimeException e) {
      current = null;
      file.closeQuietly();
    }
  }

  @Override
  public String toString() {
    return "RotatingFileWriter{" + dir + "/" + prefix + "-*.jsonl}";
  }
}
