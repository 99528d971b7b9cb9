package io.reqlens.profiler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code profile of one request: its sampled stacks folded with their counts.
 *
 * <p>Made by {@link Recording#stop()} as a copy of frame ids and counts (cheap, on the request
 * thread); the strings are built on first use of {@link #stacks()} or {@link #topSelfFrames(int)},
 * normally on the export thread. Immutable and thread-safe.
 */
public final class Profile {

  private final int[][] stacks;
  private final int[] counts;
  private final int truncatedSamples;
  private final String[] names;
  private final long intervalNanos;
  private final long samples;
  private volatile List<String> folded;

  Profile(int[][] stacks, int[] counts, int truncatedSamples, String[] names, long intervalNanos) {
    this.stacks = stacks;
    this.counts = counts;
    this.truncatedSamples = truncatedSamples;
    this.names = names;
    this.intervalNanos = intervalNanos;
    long total = truncatedSamples;
    for (int count : counts) {
      total += count;
    }
    this.samples = total;
  }

  /** Thread samples taken (one per sampled thread per tick), all stacks together. */
  public long samples() {
    return samples;
  }

  /**
   * The time between two samples of one of the request's threads: the configured interval, or the
   * mean interval the request really got when ticks were spaced out (the profiler's overhead cap,
   * or more threads than one tick captures). {@code samples() * intervalNanos()} estimates the
   * sampled wall time, summed over the request's threads.
   */
  public long intervalNanos() {
    return intervalNanos;
  }

  /**
   * Samples whose stack was new when the request already held its maximum of distinct stacks (or
   * the profiler its global maximum): counted in the {@code [truncated]} line of {@link #stacks()}.
   */
  public long truncatedSamples() {
    return truncatedSamples;
  }

  /**
   * The folded stacks of {@code PROF.stacks}: {@code "root;...;leaf 28"}, frames as {@code
   * package.Class.method}, a thread state other than RUNNABLE as a last pseudo-frame ({@code
   * [WAITING]}, {@code [TIMED_WAITING]}, {@code [BLOCKED]}), a stack cut at the maximum depth
   * starting with {@code [truncated]}, and the samples that did not fit as one {@code [truncated]}
   * line. Most samples first, then by text.
   */
  public List<String> stacks() {
    List<String> result = folded;
    if (result == null) {
      result = fold();
      folded = result;
    }
    return result;
  }

  /**
   * The {@code n} frames with the most self time: the last real frame of each sample (the state
   * pseudo-frame skipped), with their share of all samples, most first. Samples in the {@code
   * [truncated]} bucket count in the total but name no frame. For {@code reqlens.profile.top},
   * {@code topSelfFrames(3)}.
   */
  public List<HotFrame> topSelfFrames(int n) {
    if (n <= 0 || samples == 0) {
      return Collections.emptyList();
    }
    Map<String, Long> self = new HashMap<>();
    for (int i = 0; i < stacks.length; i++) {
      int[] stack = stacks[i];
      int leaf = stack.length - 1;
      while (leaf >= 0 && FrameTable.isState(stack[leaf])) {
        leaf--;
      }
      if (leaf >= 0 && !FrameTable.isPseudo(stack[leaf])) {
        self.merge(names[stack[leaf]], (long) counts[i], Long::sum);
      }
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(self.entrySet());
    entries.sort(
        (a, b) -> {
          int byCount = Long.compare(b.getValue(), a.getValue());
          return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        });
    List<HotFrame> top = new ArrayList<>(Math.min(n, entries.size()));
    for (Map.Entry<String, Long> e : entries.subList(0, Math.min(n, entries.size()))) {
      top.add(new HotFrame(e.getKey(), e.getValue(), (double) e.getValue() / samples));
    }
    return Collections.unmodifiableList(top);
  }

  private List<String> fold() {
    // Equal strings can come from distinct id stacks (lambda classes folded to one name): merge.
    Map<String, Long> lines = new LinkedHashMap<>();
    StringBuilder sb = new StringBuilder(256);
    for (int i = 0; i < stacks.length; i++) {
      sb.setLength(0);
      int[] stack = stacks[i];
      for (int j = 0; j < stack.length; j++) {
        if (j > 0) {
          sb.append(';');
        }
        sb.append(names[stack[j]]);
      }
      lines.merge(sb.toString(), (long) counts[i], Long::sum);
    }
    if (truncatedSamples > 0) {
      lines.merge(names[FrameTable.TRUNCATED], (long) truncatedSamples, Long::sum);
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(lines.entrySet());
    entries.sort(
        (a, b) -> {
          int byCount = Long.compare(b.getValue(), a.getValue());
          return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        });
    List<String> result = new ArrayList<>(entries.size());
    for (Map.Entry<String, Long> e : entries) {
      result.add(e.getKey() + ' ' + e.getValue());
    }
    return Collections.unmodifiableList(result);
  }

  @Override
  public String toString() {
    return "Profile{samples="
        + samples
        + ", intervalNanos="
        + intervalNanos
        + ", stacks="
        + stacks()
        + '}';
  }
}
