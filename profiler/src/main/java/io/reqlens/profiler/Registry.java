package io.reqlens.profiler;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The recordings a profiler knows: an intrusive lock-free stack (Treiber) that request threads push
 * onto and the tick takes whole.
 *
 * <p>Why intrusive, and why no counter? Registering must cost as little as possible: the recording
 * is its own node ({@link Recording#next}), so nothing is allocated beyond it, and each node
 * carries the list's length ({@link Recording#depth}), so the {@code maxRecordings} bound is read
 * from the head without a shared counter; one CAS on the head is the whole cost (an atomic
 * operation costs tens of nanoseconds on a busy virtual machine, so each one counts).
 *
 * <p>Why take the whole list? Only the tick removes. It swaps the head for a fresh, empty
 * <em>floor</em> node that carries the length it took, so pushes during the tick still count
 * against the bound; it then owns every node below the floor and unlinks finished recordings with
 * plain writes. It hangs the survivors under the floor ({@code floor.next}: a field only the tick
 * reads) and sets the floor's length to theirs. The floor is a stopped node: the next tick drops it
 * like any finished recording. A length read by a request thread may be one tick stale, never too
 * small, so the bound always holds.
 */
final class Registry {

  private final AtomicReference<Recording> head = new AtomicReference<>();
  private final int max;

  Registry(int max) {
    this.max = max;
  }

  /** Pushes a new recording; false when {@code max} recordings are registered. Request threads. */
  boolean push(Recording recording) {
    while (true) {
      Recording current = head.get();
      int size = current == null ? 0 : current.depth;
      if (size >= max) {
        return false;
      }
      recording.next = current;
      recording.depth = size + 1;
      if (head.compareAndSet(current, recording)) {
        return true;
      }
    }
  }

  /**
   * Takes every registered recording, linked through {@link Recording#next}, leaving {@code floor}
   * in their place. Tick only.
   */
  Recording takeAll(Recording floor) {
    while (true) {
      Recording current = head.get();
      floor.depth = current == null ? 0 : current.depth;
      floor.next = null;
      if (head.compareAndSet(current, floor)) {
        return current;
      }
    }
  }

  /** Hangs {@code survivors} recordings, first to last, under the floor of this tick. Tick only. */
  static void putBack(Recording floor, Recording first, int survivors) {
    floor.next = first;
    floor.depth = survivors;
  }

  /** Recordings registered, finished ones not yet unlinked included: exact after a tick. */
  int size() {
    Recording current = head.get();
    return current == null ? 0 : current.depth;
  }
}
