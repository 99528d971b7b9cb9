package io.reqlens.exporters;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the closed files of one prefix within a byte budget: oldest first (by the open time in the
 * name, which sorts as text), across every process writing the folder. Active files are never
 * touched (their names do not match).
 */
final class Retention {

  private Retention() {}

  /**
   * Deletes the oldest closed files until their total size is at most {@code retainBytes}; returns
   * the total size of the closed files that remain.
   */
  static long enforce(Path dir, String prefix, long retainBytes) throws IOException {
    Pattern closed = FileNames.closedPattern(prefix);
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(dir, prefix + "-*" + FileNames.CLOSED_SUFFIX)) {
      for (Path p : stream) {
        if (closed.matcher(p.getFileName().toString()).matches()) {
          files.add(p);
        }
      }
    }
    long[] sizes = new long[files.size()];
    long total = 0;
    files.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (int i = 0; i < files.size(); i++) {
      sizes[i] = sizeOrZero(files.get(i));
      total += sizes[i];
    }
    for (int i = 0; i < files.size() && total > retainBytes; i++) {
      Files.deleteIfExists(files.get(i));
      total -= sizes[i]; // also when another process deleted it first
    }
    return total;
  }

  private static long sizeOrZero(Path p) throws IOException {
    try {
      return Files.size(p);
    } catch (NoSuchFileException e) {
      return 0; // deleted meanwhile by another process's retention
    }
  }
}
