package io.reqlens.profiler;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The recordings a profiler knows: an intrusive lock-free stack (Treiber) that request threads push
 * onto and the tick takes whole.
 *
 * <p>Why intrusive and not a {@code ConcurrentHashMap} or a queue? Registering must not allocate
 * beyond the recording itself: the recording is its own node ({@link Recording#next}), so {@code
 * start} is one CAS on the head. Why take the whole list? Only the tick removes; taking the list
 * with one {@code getAndSet} leaves it exclusive owner of every node it took, so it can unlink
 * finished recordings and relink the rest with plain writes, then put them back with one CAS while
 * request threads keep pushing onto the new head. A finished request is unlinked at the next tick.
 */
final class Registry {

  private final AtomicReference<Recording> head = new AtomicReference<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int max;

  Registry(int max) {
    this.max = max;
  }

  /** Reserves a place; false when {@code max} recordings are registered. Request threads. */
  boolean reserve() {
    if (size.incrementAndGet() > max) {
      size.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Pushes a recording whose place was reserved. Request threads. */
  void push(Recording recording) {
    while (true) {
      Recording current = head.get();
      recording.next = current;
      if (head.compareAndSet(current, recording)) {
        return;
      }
    }
  }

  /** Takes every registered recording, linked through {@link Recording#next}. Tick only. */
  Recording takeAll() {
    return head.getAndSet(null);
  }

  /** Puts back a chain taken by {@link #takeAll()}, in front of what was pushed since. */
  void putBack(Recording first, Recording last) {
    if (first == null) {
      return;
    }
    while (true) {
      Recording current = head.get();
      last.next = current;
      if (head.compareAndSet(current, first)) {
        return;
      }
    }
  }

  /** Frees the place of a recording the tick unlinked. */
  void release() {
    size.decrementAndGet();
  }

  int size() {
    return size.get();
  }
}
