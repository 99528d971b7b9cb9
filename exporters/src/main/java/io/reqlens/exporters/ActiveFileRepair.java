package io.reqlens.exporters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repairs active files left by a writer that died: cuts the torn tail after the last newline and
 * renames the file to a closed name (an empty one is deleted).
 *
 * <p>Why a lock and not the pid in the name? Pids are reused and two containers sharing a volume
 * can both be pid 1. A live writer holds an exclusive {@link FileLock} on its active file for the
 * file's whole life, and the OS drops the lock when the process dies, however it dies; so a file we
 * can lock is a leftover, and a file we cannot lock belongs to a live writer and is never touched.
 * Locks are per process, and on POSIX closing any channel of a file drops all of the process's
 * locks on it: that is why this JVM's own live files are listed in {@link #OWNED} and never even
 * opened here.
 */
final class ActiveFileRepair {

  /** Active files of live writers in this JVM (absolute paths). */
  static final Set<Path> OWNED = Collections.newSetFromMap(new ConcurrentHashMap<>());

  private ActiveFileRepair() {}

  /** Repairs every leftover active file of {@code prefix} in {@code dir}; returns how many. */
  static int repairAll(Path dir, String prefix, Disk disk) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int repaired = 0;
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(dir, prefix + "-*" + FileNames.ACTIVE_SUFFIX)) {
      for (Path p : stream) {
        Path abs = p.toAbsolutePath();
        if (!OWNED.contains(abs) && repair(abs, prefix, disk)) {
          repaired++;
        }
      }
    }
    return repaired;
  }

  /** Repairs one file if no live writer holds it; returns whether it did. */
  static boolean repair(Path file, String prefix, Disk disk) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return false; // closed meanwhile by its writer, or repaired by another process
    }
    try (FileChannel channel = ch) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return false; // held in this JVM
      }
      if (lock == null) {
        return false; // held by a live writer in another process
      }
      if (!Files.exists(file)) {
        return false; // renamed by another repairer between our open and our lock
      }
      long whole = lastNewlineEnd(channel);
      if (whole < channel.size()) {
        channel.truncate(whole);
      }
      if (whole == 0) {
        Files.deleteIfExists(file);
        return true;
      }
      long modified = Files.getLastModifiedTime(file).toMillis();
      String name = file.getFileName().toString();
      for (int attempt = 0; ; attempt++) {
        Path target = file.resolveSibling(FileNames.repaired(prefix, name, modified, attempt));
        try {
          disk.move(file, target); // renaming keeps our lock on the inode until close
          return true;
        } catch (FileAlreadyExistsException e) {
          if (attempt > 100) {
            throw e;
          }
        }
      }
    }
  }

  /** Returns the length of the file up to and including its last newline (0 if none). */
  static long lastNewlineEnd(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long end = size;
    while (end > 0) {
      long start = Math.max(0, end - buf.capacity());
      buf.clear().limit((int) (end - start));
      long at = start;
      while (buf.hasRemaining()) {
        int n = channel.read(buf, at);
        if (n < 0) {
          break;
        }
        at += n;
      }
      for (int i = buf.position() - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }
}
