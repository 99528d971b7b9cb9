package io.reqlens.report.internal.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@code capacity} values from a stream of unknown length
 * (Vitter's Algorithm R). Seeded, so a report over the same input is reproducible.
 */
final class Reservoir {

  private final double[] values;
  private final SplittableRandom random;
  private long seen;

  Reservoir(int capacity, long seed) {
    this.values = new double[capacity];
    this.random = new SplittableRandom(seed);
  }

  void add(double v) {
    seen++;
    if (seen <= values.length) {
      values[(int) (seen - 1)] = v;
    } else {
      long j = random.nextLong(seen);
      if (j < values.length) {
        values[(int) j] = v;
      }
    }
  }

  long seen() {
    return seen;
  }

  double[] sample() {
    return Arrays.copyOf(values, (int) Math.min(seen, values.length));
  }
}
