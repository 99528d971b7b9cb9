package io.reqlens.exporters;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file-system calls that can fail under a writer at run time (create the folder, create the
 * active file, write, rename), in one place.
 *
 * <p>Why a seam? A full disk and a lost permission are what the writer must survive, and neither
 * can be produced everywhere the tests run (root ignores permission bits; mounting a small file
 * system needs root). The reliability tests use real ones where the machine allows and otherwise
 * fail these calls exactly as the kernel would ({@code ENOSPC}, {@code EACCES}). Production uses
 * {@link #REAL}, which only forwards to {@link Files} and {@link FileChannel}.
 */
class Disk {

  static final Set<PosixFilePermission> DIR_PERMS = PosixFilePermissions.fromString("rwx------");

  /**
   * Given at creation (open(2) mode), so the file is never readable by others, not even briefly.
   */
  private static final FileAttribute<Set<PosixFilePermission>> FILE_PERMS =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  static final Disk REAL = new Disk();

  void createDirectories(Path dir, boolean posix) throws IOException {
    if (posix) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_PERMS));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Creates a new file for writing; fails when the name exists. */
  FileChannel createNew(Path path, boolean posix) throws IOException {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return posix ? FileChannel.open(path, options, FILE_PERMS) : FileChannel.open(path, options);
  }

  /** One write call; may write fewer bytes than remain. */
  int write(FileChannel channel, ByteBuffer bytes) throws IOException {
    return channel.write(bytes);
  }

  /** Renames without replacing an existing target. */
  void move(Path from, Path to) throws IOException {
    Files.move(from, to);
  }
}
