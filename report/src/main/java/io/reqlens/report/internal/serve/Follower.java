package io.reqlens.report.internal.serve;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the event and span files of the input folders: each poll lists the folders, reads only
 * what was appended since the last poll (by file identity and offset: a rename of the active file
 * to its closed name changes nothing, a new active file is read from its start), forgets files that
 * retention deleted, and moves the window. Files last written before the window are not read at
 * all. Never writes, renames or deletes anything.
 */
final class Follower implements Runnable {

  private static final Logger LOG = Logger.getLogger(Follower.class.getName());

  /** Bytes read per file under the lock before the views get a turn. */
  private static final long CHUNK_BUDGET = 8L << 20;

  private final Model model;
  private final DashboardConfig config;
  private final FileTail tail = new FileTail();
  private final Map<Object, TrackedFile> byKey = new HashMap<>();
  private int nextId;
  private volatile boolean initialDone;

  Follower(Model model) {
    this.model = model;
    this.config = model.config;
  }

  @Override
  public void run() {
    try {
      poll();
    } catch (RuntimeException e) {
      // Never let one bad poll stop the dashboard: say so, and try again next time.
      LOG.log(Level.WARNING, "reqlens serve: reading the files failed; retrying", e);
      synchronized (model) {
        model.lastProblem = String.valueOf(e);
      }
    }
  }

  /** True once the files present at start have been read. */
  boolean initialDone() {
    return initialDone;
  }

  /** One pass over every input: read what is new, then move the window. */
  void poll() {
    long nowNs = config.nowNs();
    long cutoff = nowNs - config.windowNs;
    synchronized (model) {
      model.ingest.cutoff(cutoff);
    }
    Set<Object> seen = new HashSet<>();
    for (Candidate c : list()) {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(c.path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue; // deleted between listing and now
      }
      if (!a.isRegularFile()) {
        continue; // a FIFO, device or link named like a data file: never opened
      }
      Object key = a.fileKey() != null ? a.fileKey() : c.path + "@" + a.creationTime();
      seen.add(key);
      TrackedFile f = byKey.get(key);
      if (f == null) {
        f = new TrackedFile(nextId++, key, c.kind, c.path);
        byKey.put(key, f);
        synchronized (model) {
          model.files.put(f.id, f);
          if (a.lastModifiedTime().toMillis() * 1_000_000L < cutoff) {
            f.offset = a.size(); // last written before the window: nothing in it is shown
            model.filesSkippedOld++;
          }
        }
      } else if (!f.path.equals(c.path)) {
        f.rename(c.path); // rotated: same file, new name
      }
      if (a.size() < f.offset) {
        f.offset = 0; // truncated or replaced in place: read it again
        f.lineNo = 0;
        f.skipping = false;
      }
      read(f, a.size());
    }
    forgetGone(seen);
    synchronized (model) {
      model.ingest.flush();
      model.store.evictOlderThan(cutoff);
      model.profiles.evictOlderThan(cutoff);
      model.polls++;
      model.lastPollNs = nowNs;
    }
    initialDone = true;
  }

  private void read(TrackedFile f, long size) {
    LineHandler handler = f.kind == TrackedFile.Kind.EVENTS ? model.ingest : model.spans;
    while (f.offset < size) {
      long before = f.offset;
      try {
        synchronized (model) {
          if (f.offset == 0 && f.lineNo == 0 && f.kind == TrackedFile.Kind.EVENTS) {
            model.ingest.lines().fileOpened();
          }
          long n = tail.read(f, size, CHUNK_BUDGET, handler);
          model.bytesRead += n;
        }
      } catch (NoSuchFileException e) {
        return; // deleted by retention while being read: forgotten at the end of the poll
      } catch (IOException e) {
        synchronized (model) {
          model.ingest.lines().unreadable(f.name(), e);
          model.lastProblem = f.name() + ": " + e.getMessage();
        }
        return;
      }
      if (f.offset == before) {
        return; // only a line still being written is left
      }
    }
  }

  private void forgetGone(Set<Object> seen) {
    Iterator<TrackedFile> it = byKey.values().iterator();
    while (it.hasNext()) {
      TrackedFile f = it.next();
      if (!seen.contains(f.key)) {
        it.remove();
        synchronized (model) {
          model.files.remove(f.id);
          model.filesGone++;
          if (f.kind == TrackedFile.Kind.SPANS) {
            model.spans.forgetFile(f.id);
          }
        }
      }
    }
  }

  private static final class Candidate {
    final Path path;
    final TrackedFile.Kind kind;
    final boolean active;

    Candidate(Path path, TrackedFile.Kind kind) {
      this.path = path;
      this.kind = kind;
      this.active = path.getFileName().toString().endsWith(".active");
    }
  }

  /** Closed files by name (oldest first: names start with their time), then active ones. */
  private List<Candidate> list() {
    List<Candidate> out = new ArrayList<>();
    for (Path in : config.inputs) {
      if (Files.isDirectory(in)) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(in)) {
          for (Path p : entries) {
            TrackedFile.Kind k = kindOf(p.getFileName().toString());
            if (k != null) {
              out.add(new Candidate(p, k));
            }
          }
        } catch (IOException e) {
          synchronized (model) {
            model.lastProblem = in + ": cannot list folder (" + e.getMessage() + ")";
          }
        }
      } else if (Files.exists(in, LinkOption.NOFOLLOW_LINKS)) {
        String name = in.getFileName().toString();
        out.add(
            new Candidate(
                in, name.startsWith("spans-") ? TrackedFile.Kind.SPANS : TrackedFile.Kind.EVENTS));
      }
    }
    out.sort(
        Comparator.comparing((Candidate c) -> c.active)
            .thenComparing(c -> c.path.getFileName().toString()));
    return out;
  }

  static TrackedFile.Kind kindOf(String name) {
    if (!(name.endsWith(".jsonl") || name.endsWith(".jsonl.active"))) {
      return null;
    }
    if (name.startsWith("events-")) {
      return TrackedFile.Kind.EVENTS;
    }
    return name.startsWith("spans-") ? TrackedFile.Kind.SPANS : null;
  }
}
