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
    this.path = path;
  }

  String name() {
    Path p = path;
    return p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }
}
