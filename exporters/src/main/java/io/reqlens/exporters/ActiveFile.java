package io.reqlens.exporters;

import io.opentelemetry.sdk.common.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The file a {@link RotatingFileWriter} is writing: its channel, the exclusive lock held on it for
 * its whole life (see {@link ActiveFileRepair} for why), its size and when it was opened.
 */
final class ActiveFile {

  final Path path;
  final FileChannel channel;
  private final Disk disk;
  final long openedNanos;
  final long openedMillis;
  long size;

  private ActiveFile(Path path, FileChannel channel, Disk disk, Clock clock) {
    this.path = path;
    this.channel = channel;
    this.disk = disk;
    this.openedNanos = clock.nanoTime();
    this.openedMillis = TimeUnit.NANOSECONDS.toMillis(clock.now());
  }

  /** Creates and locks a new file; null when a repairer took it before we could lock it. */
  static ActiveFile create(Path path, boolean posix, Disk disk, Clock clock) throws IOException {
    ActiveFileRepair.OWNED.add(path);
    FileChannel ch = null;
    try {
      ch = disk.createNew(path, posix);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null || !Files.exists(path)) {
        ch.close();
        ActiveFileRepair.OWNED.remove(path);
        return null;
      }
      return new ActiveFile(path, ch, disk, clock);
    } catch (IOException | RuntimeException e) {
      ActiveFileRepair.OWNED.remove(path);
      if (ch != null) {
        ch.close();
      }
      throw e;
    }
  }

  /** Writes the bytes with one call (looping only if the OS takes fewer). */
  void append(byte[] buf, int off, int len) throws IOException {
    ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
    while (bb.hasRemaining()) {
      disk.write(channel, bb);
    }
    size += len;
  }

  void closeQuietly() {
    try {
      channel.close(); // releases the lock
    } catch (IOException e) {
      // nothing left to do with this file
    } finally {
      ActiveFileRepair.OWNED.remove(path);
    }
  }
}
