package io.reqlens.exporters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Disk} that fails the way the kernel does when a folder loses its write permission
 * ({@code EACCES} on create and rename, writes into open files still work) or the file system fills
 * up ({@code ENOSPC} once a byte budget is spent, after a short write). For machines where the real
 * thing cannot be set up; the reliability tests use real ones where they can.
 */
final class FaultyDisk extends Disk {

  /** Folder not writable: creating and renaming entries fails; open files stay writable. */
  volatile boolean readOnlyFolder;

  /** Bytes the file system still takes; {@code Long.MAX_VALUE} = unlimited. */
  final AtomicLong freeBytes = new AtomicLong(Long.MAX_VALUE);

  final AtomicLong failedCalls = new AtomicLong();

  @Override
  void createDirectories(Path dir, boolean posix) throws IOException {
    if (readOnlyFolder && !java.nio.file.Files.isDirectory(dir)) {
      throw denied(dir);
    }
    super.createDirectories(dir, posix);
  }

  @Override
  FileChannel createNew(Path path, boolean posix) throws IOException {
    if (readOnlyFolder) {
      if (java.nio.file.Files.exists(path)) {
        failedCalls.incrementAndGet();
        throw new java.nio.file.FileAlreadyExistsException(path.toString()); // EEXIST comes first
      }
      throw denied(path);
    }
    return super.createNew(path, posix);
  }

  @Override
  int write(FileChannel channel, ByteBuffer bytes) throws IOException {
    long free = freeBytes.get();
    if (free == Long.MAX_VALUE) {
      return super.write(channel, bytes);
    }
    if (free <= 0) {
      failedCalls.incrementAndGet();
      throw new FileSystemException(null, null, "No space left on device");
    }
    int take = (int) Math.min(free, bytes.remaining()); // a short write, then ENOSPC next call
    ByteBuffer part = bytes.duplicate();
    part.limit(part.position() + take);
    int n = super.write(channel, part);
    bytes.position(bytes.position() + n);
    freeBytes.addAndGet(-n);
    return n;
  }

  @Override
  void move(Path from, Path to) throws IOException {
    if (readOnlyFolder) {
      throw denied(from);
    }
    super.move(from, to);
  }

  private AccessDeniedException denied(Path p) {
    failedCalls.incrementAndGet();
    return new AccessDeniedException(p.toString());
  }
}
