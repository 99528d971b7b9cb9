package io.reqlens.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A request's code profile as the {@code PROF} event carries it: the thread samples taken, the
 * interval between two samples of one thread, and the folded stacks ({@code "root;...;leaf 28"},
 * root frame first, a thread state other than RUNNABLE as a last pseudo-frame such as {@code
 * [WAITING]}). Plain data, so the exporters need nothing but this module. Immutable.
 */
public final class FoldedProfile {

  private final long samples;
  private final long intervalNanos;
  private final List<String> stacks;

  private FoldedProfile(long samples, long intervalNanos, List<String> stacks) {
    this.samples = samples;
    this.intervalNanos = intervalNanos;
    this.stacks = stacks;
  }

  /**
   * A profile of {@code samples} samples taken every {@code intervalNanos}, folded into {@code
   * stacks} (copied).
   */
  public static FoldedProfile of(long samples, long intervalNanos, List<String> stacks) {
    if (samples < 0 || intervalNanos < 0) {
      throw new IllegalArgumentException(
          "samples and interval must not be negative, got " + samples + ", " + intervalNanos);
    }
    return new FoldedProfile(
        samples,
        intervalNanos,
        Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(stacks, "stacks"))));
  }

  /** Thread samples taken, all stacks together ({@code PROF.samples}). */
  public long samples() {
    return samples;
  }

  /** Time between two samples of one thread, in nanoseconds ({@code PROF.interval_ns}). */
  public long intervalNanos() {
    return intervalNanos;
  }

  /** Folded stacks with their counts, most samples first ({@code PROF.stacks}). */
  public List<String> stacks() {
    return stacks;
  }

  @Override
  public String toString() {
    return "FoldedProfile{samples="
        + samples
        + ", intervalNanos="
        + intervalNanos
        + ", stacks="
        + stacks
        + '}';
  }
}
