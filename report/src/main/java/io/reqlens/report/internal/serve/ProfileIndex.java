package io.reqlens.report.internal.serve;

import io.reqlens.report.internal.input.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Where the {@code PROF} events of the window are: their trace, route, time and line, not their
 * stacks (those are read again from the file when a flame graph is drawn). At most {@code max}
 * entries; the oldest go first, and with the window.
 */
final class ProfileIndex {

  /** One {@code PROF} line. */
  static final class Entry {
    final String traceId;
    final String route;
    final long tsNs;
    final long samples;
    final int fileId;
    final long offset;

    Entry(String traceId, String route, long tsNs, long samples, int fileId, long offset) {
      this.traceId = traceId;
      this.route = route;
      this.tsNs = tsNs;
      this.samples = samples;
      this.fileId = fileId;
      this.offset = offset;
    }
  }

  private final int max;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  ProfileIndex(int max) {
    this.max = max;
  }

  void add(Event e, int fileId, long offset) {
    if (entries.size() >= max) {
      entries.removeFirst();
    }
    entries.addLast(new Entry(e.traceId, e.route, e.tsNs, e.samples, fileId, offset));
  }

  void evictOlderThan(long cutoffNs) {
    while (!entries.isEmpty() && entries.peekFirst().tsNs < cutoffNs) {
      entries.removeFirst();
    }
  }

  /** Entries of the given traces, newest first, at most {@code limit}. */
  List<Entry> ofTraces(Set<String> traceIds, int limit) {
    List<Entry> out = new ArrayList<>();
    Iterator<Entry> it = entries.descendingIterator();
    while (it.hasNext() && out.size() < limit) {
      Entry e = it.next();
      if (traceIds.contains(e.traceId)) {
        out.add(e);
      }
    }
    return out;
  }

  int size() {
    return entries.size();
  }
}
