package io.reqlens.report.internal.serve;

import java.nio.file.Path;

/**
 * A file the follower reads: known by its identity (the inode on Unix), not its name, so the rename
 * of {@code *.jsonl.active} to its closed name continues where reading stopped, and a new active
 * file with the old name starts from zero.
 */
final class TrackedFile {

  enum Kind {
    EVENTS,
    SPANS
  }

  final int id;
  final Object key;
  final Kind kind;
  volatile Path path;

  // Why kept? Messages name the file for every line read; Path.getFileName().toString() makes a
  // new string each time (9 % of the follower's time when it was computed per line).
  private volatile String name;

  /** Bytes consumed: always just after a newline (a line being written is read later). */
  long offset;

  /** Lines consumed, for messages. */
  long lineNo;

  /** True while skipping the rest of a line longer than the reader accepts. */
  boolean skipping;

  TrackedFile(int id, Object key, Kind kind, Path path) {
    this.id = id;
    this.key = key;
    this.kind = kind;
    rename(path);
  }

  void rename(Path to) {
    this.path = to;
    this.name = to.getFileName() == null ? to.toString() : to.getFileName().toString();
  }

  String name() {
    return name;
  }
}
