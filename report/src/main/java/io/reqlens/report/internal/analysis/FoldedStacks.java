package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folded stacks ({@code "root;...;leaf COUNT"}) merged with weights, frames interned once for the
 * whole report: a stack is an {@code int[]} of frame ids, so a frame name repeated in thousands of
 * stacks and routes is held once, and a repeated stack costs a hash lookup.
 *
 * <p>Bounded: at most {@link #MAX_FRAMES} distinct frames (later ones are named {@link #OTHER}),
 * {@link #MAX_DEPTH} frames per stack (the root side is cut and marked {@link #TRUNCATED}, as the
 * profiler does), and a caller-given number of distinct stacks per table; weight beyond that is
 * kept as one {@link #TRUNCATED} stack, so shares stay right.
 */
final class FoldedStacks {

  static final int MAX_FRAMES = 100_000;
  static final int MAX_DEPTH = 1024;
  static final String TRUNCATED = "[truncated]";
  static final String OTHER = "[other]";

  /** The frame names of one report, shared by every table. */
  static final class Frames {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    Frames() {
      id(TRUNCATED);
      id(OTHER);
    }

    int id(String name) {
      Integer id = ids.get(name);
      if (id != null) {
        return id;
      }
      if (names.size() >= MAX_FRAMES) {
        return id(OTHER); // interned before the table filled up (see the constructor)
      }
      ids.put(name, names.size());
      names.add(name);
      return names.size() - 1;
    }

    String name(int id) {
      return names.get(id);
    }
  }

  /** A stack as a hash key. */
  static final class Stack {
    final int[] frames;
    private final int hash;

    Stack(int[] frames) {
      this.frames = frames;
      this.hash = Arrays.hashCode(frames);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Stack && Arrays.equals(frames, ((Stack) o).frames);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Frames frames;
  private final Map<Stack, double[]> weights = new HashMap<>();
  private final int maxStacks;
  private double total;

  FoldedStacks(Frames frames, int maxStacks) {
    this.frames = frames;
    this.maxStacks = maxStacks;
  }

  /**
   * Adds one folded line with its count multiplied by {@code weight}; a stack not held yet counts
   * as {@code [truncated]} unless {@code mayGrow} (a shared bound) and this table's own bound allow
   * it. Returns the count read (0 for a line without a valid count or frame).
   */
  long add(String line, double weight, boolean mayGrow) {
    int space = line == null ? -1 : line.lastIndexOf(' ');
    if (space <= 0) {
      return 0;
    }
    long count;
    try {
      count = Long.parseLong(line.substring(space + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
    if (count <= 0) {
      return 0;
    }
    int[] ids = parse(line, space);
    if (ids.length == 0) {
      return 0;
    }
    double w = count * weight;
    total += w;
    Stack stack = new Stack(ids);
    double[] sum = weights.get(stack);
    if (sum == null) {
      if (!mayGrow || weights.size() >= maxStacks) {
        stack = new Stack(new int[] {frames.id(TRUNCATED)});
        sum = weights.get(stack);
      }
      if (sum == null) {
        sum = new double[1];
        weights.put(stack, sum);
      }
    }
    sum[0] += w;
    return count;
  }

  /** Distinct stacks held. */
  int size() {
    return weights.size();
  }

  /** All weight added. */
  double total() {
    return total;
  }

  Map<Stack, double[]> weights() {
    return weights;
  }

  String name(int id) {
    return frames.name(id);
  }

  private int[] parse(String line, int end) {
    int n = 1;
    for (int i = 0; i < end; i++) {
      if (line.charAt(i) == ';') {
        n++;
      }
    }
    int skip = Math.max(0, n - MAX_DEPTH); // root-side frames cut, as the profiler cuts them
    int[] ids = new int[n - skip + (skip > 0 ? 1 : 0)];
    int at = 0;
    if (skip > 0) {
      ids[at++] = frames.id(TRUNCATED);
    }
    int start = 0;
    int index = 0;
    for (int i = 0; i <= end; i++) {
      if (i == end || line.charAt(i) == ';') {
        if (index >= skip && i > start) {
          ids[at++] = frames.id(line.substring(start, i));
        }
        index++;
        start = i + 1;
      }
    }
    return at == ids.length ? ids : Arrays.copyOf(ids, at); // empty frames left out
  }
}
