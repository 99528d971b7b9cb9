package io.reqlens.profiler;

import java.util.Arrays;

/**
 * One recording's folded stacks: each distinct stack (an {@code int[]} of frame ids, root first)
 * with its sample count, plus the count of samples that found the table full.
 *
 * <p>Single writer, lock-free readers. Only the tick writes (under its lock); {@link
 * Recording#stop()} reads on the request thread without locking. Stacks are append-only and never
 * change once stored; counts are incremented in place; every array is replaced whole when it grows,
 * then published through a volatile field; and each sample ends with the volatile write in {@link
 * #publish()}. A reader that reads {@link #samples} first therefore sees every stack and every
 * count of the samples published before, never a torn entry. A sample the tick folds while {@code
 * stop()} copies may or may not be counted: one sample, at most, per racing thread.
 *
 * <p>Why not a {@code HashMap<String, Long>}? Keys would be strings built per sample; here a
 * repeated stack costs a hash of a few ints and one comparison, and nothing is allocated.
 */
final class StackTable {

  private static final int INITIAL_CAPACITY = 8;

  private volatile int[][] stacks = new int[INITIAL_CAPACITY][];
  private volatile int[] counts = new int[INITIAL_CAPACITY];
  private volatile int size;
  private volatile long samples;
  private int overLimit; // samples whose new stack did not fit: the "[truncated]" bucket
  // The ticks that sampled this request (once per tick, however many of its threads), for the
  // interval it really got. Written before publish(), like the rest.
  private int ticks;
  private long lastTick = -1;
  private long firstTickNanos;
  private long lastTickNanos;

  // Tick-only lookup: open addressing, slot -> entry + 1, with each entry's hash.
  private int[] hashes = new int[INITIAL_CAPACITY];
  private int[] slots = new int[INITIAL_CAPACITY * 2];

  /** The entry holding this stack, or -1. Tick only. */
  int find(int[] frames, int length, int hash) {
    int[][] stored = stacks;
    int mask = slots.length - 1;
    for (int i = FrameTable.mix(hash) & mask, slot; (slot = slots[i]) != 0; i = (i + 1) & mask) {
      int entry = slot - 1;
      if (hashes[entry] == hash
          && Arrays.equals(stored[entry], 0, stored[entry].length, frames, 0, length)) {
        return entry;
      }
    }
    return -1;
  }

  /** Counts one more sample of an existing entry. Tick only; {@link #publish()} follows. */
  void increment(int entry) {
    counts[entry]++;
  }

  /** Stores a new stack with a count of one. Tick only; {@link #publish()} follows. */
  void append(int[] frames, int length, int hash) {
    int entry = size;
    int[][] stored = stacks;
    int[] storedCounts = counts;
    if (entry == stored.length) {
      stored = Arrays.copyOf(stored, entry * 2);
      storedCounts = Arrays.copyOf(storedCounts, entry * 2);
      hashes = Arrays.copyOf(hashes, entry * 2);
    }
    stored[entry] = Arrays.copyOf(frames, length);
    storedCounts[entry] = 1;
    hashes[entry] = hash;
    stacks = stored;
    counts = storedCounts;
    if ((entry + 1) * 2 > slots.length) {
      rehash(entry + 1);
    } else {
      insert(slots, hash, entry);
    }
    size = entry + 1;
  }

  /** Counts a sample whose stack did not fit. Tick only; {@link #publish()} follows. */
  void countOverLimit() {
    overLimit++;
  }

  /** Notes that tick number {@code tick}, at {@code nanos}, sampled this request. Tick only. */
  void markTick(long tick, long nanos) {
    if (tick != lastTick) {
      lastTick = tick;
      if (ticks++ == 0) {
        firstTickNanos = nanos;
      }
      lastTickNanos = nanos;
    }
  }

  /** Ends a sample: the volatile write that makes it visible to {@link #snapshot}. */
  void publish() {
    samples = samples + 1; // single writer: the tick
  }

  int size() {
    return size;
  }

  /**
   * A copy for {@link Profile}; any thread. Frame names are resolved later, lazily. {@code
   * intervalNanos} is the nominal interval.
   */
  Profile snapshot(FrameTable frames, long intervalNanos) {
    if (samples == 0) { // the volatile read that orders the reads below after the last publish
      return null;
    }
    String[] names = frames.names();
    int n = size;
    int[][] stored = Arrays.copyOf(stacks, n);
    int[] storedCounts = Arrays.copyOf(counts, n);
    // The mean time between this request's samples: longer than the interval when ticks were
    // spaced out by maxOverhead or its threads waited for a turn under maxThreadsPerTick.
    long interval = intervalNanos;
    if (ticks >= 2) {
      interval = Math.max(interval, (lastTickNanos - firstTickNanos) / (ticks - 1));
    }
    return new Profile(stored, storedCounts, overLimit, names, interval);
  }

  private void rehash(int entries) {
    int[] bigger = new int[slots.length * 2];
    for (int entry = 0; entry < entries; entry++) {
      insert(bigger, hashes[entry], entry);
    }
    slots = bigger;
  }

  private static void insert(int[] table, int hash, int entry) {
    int mask = table.length - 1;
    int i = FrameTable.mix(hash) & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = entry + 1;
  }
}
