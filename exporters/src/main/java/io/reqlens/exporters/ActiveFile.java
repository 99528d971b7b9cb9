package io.reqlens.exporters;

import io.opentelemetry.sdk.common.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The file a {@link RotatingFileWriter} is writing: its channel, the exclusive lock held on it for
 * its whole life (see {@link ActiveFileRepair} for why), its size and when it was opened.
 */
final class ActiveFile {

  static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");

  /**
   * Given at creation (open(2) mode), so the file is never readable by others, not even briefly.
   */
  private static final FileAttribute<Set<PosixFilePermission>> FILE_PERMS =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  final Path path;
  final FileChannel channel;
  final long openedNanos;
  final long openedMillis;
  long size;

  private ActiveFile(Path path, FileChannel channel, Clock clock) {
    this.path = path;
    this.channel = channel;
    this.openedNanos = clock.nanoTime();
    this.openedMillis = TimeUnit.NANOSECONDS.toMillis(clock.now());
  }

  /** Creates and locks a new file; null when a repairer took it before we could lock it. */
  static ActiveFile create(Path path, boolean posix, Clock clock) throws IOException {
    ActiveFileRepair.OWNED.add(path);
    FileChannel ch = null;
    try {
      Set<StandardOpenOption> options =
          EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      ch = posix ? FileChannel.open(path, options, FILE_PERMS) : FileChannel.open(path, options);
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
      return new ActiveFile(path, ch, clock);
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
      channel.write(bb);
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
