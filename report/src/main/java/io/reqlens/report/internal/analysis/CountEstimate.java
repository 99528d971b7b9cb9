package io.reqlens.report.internal.analysis;

/**
 * How many requests (and what share of errors) the kept ones stand for, with confidence intervals,
 * from each kept request's inclusion probability {@code p = sample_rate}. Constant memory: a few
 * sums, whatever the number of requests.
 *
 * <p><b>Count.</b> The Horvitz–Thompson estimator {@code N̂ = Σ 1/p} over the kept requests is
 * unbiased when each request was kept independently with probability {@code p} (true for consistent
 * sampling on random trace ids, tail keeps with {@code p = 1}, and the adaptive {@code rate=}
 * probability, which never depends on the request's own id). Its variance {@code Σ (1 − p)/p},
 * summed over all requests, is estimated without bias by {@code V̂ = Σ (1 − p)/p²} over the kept
 * ones. Requests kept with {@code p = 1} are counted exactly; for the rest ({@code U = Σ 1/p} over
 * {@code p < 1}) the interval is the Wilson-type score interval: the {@code M} with {@code (U − M)²
 * ≤ z² v M}, where {@code v = V̂ / U} estimates the mean {@code (1 − p)/p} per request. With one
 * probability this is exactly the binomial score interval for the number of trials {@code M} given
 * the kept count, which covers far better than {@code N̂ ± z√V̂} when few are kept; its lower end
 * is raised to the kept count (the true number cannot be lower).
 *
 * <p><b>Error share.</b> The ratio estimator {@code R̂ = Σ e/p / Σ 1/p}, exact when every kept
 * request had {@code p = 1}. Otherwise its variance is the linearized (delta-method) one, {@code Σ
 * (1 − p)/p² (e − R̂)² / N̂²} (Särndal, Swensson and Wretman, Model Assisted Survey Sampling, 1992,
 * §5.6), which also covers keep-errors (errors with {@code p = 1} add nothing, the uncertainty is
 * in the denominator), and the interval is Wilson's with the effective sample size that variance
 * implies, {@code n* = R̂(1 − R̂)/V̂(R̂)} (Korn and Graubard, Survey Methodology 24, 1998), or
 * Kish's {@code (Σ w)²/Σ w²} when no error or only errors were kept; so a route with no error among
 * its kept requests still gets an upper bound above 0, and the interval stays inside [0, 1].
 */
final class CountEstimate {

  private long certain; // kept with p = 1
  private long sampled; // kept with p < 1
  private double sampledWeight; // Σ 1/p, p < 1
  private double variance; // Σ (1-p)/p²
  private double weightSquares; // Σ 1/p², all kept
  private long certainErrors;
  private double sampledErrorWeight; // Σ e/p, p < 1
  private double errorVariance; // Σ e (1-p)/p²
  private double minRate = Double.NaN;
  private double maxRate = Double.NaN;

  /** Adds one kept request of weight {@code 1/p} (at least 1). */
  void add(double weight, boolean error) {
    double w = Math.max(1, weight);
    double rate = 1 / w;
    minRate = Double.isNaN(minRate) ? rate : Math.min(minRate, rate);
    maxRate = Double.isNaN(maxRate) ? rate : Math.max(maxRate, rate);
    weightSquares += w * w;
    if (w == 1) {
      certain++;
      if (error) {
        certainErrors++;
      }
      return;
    }
    double v = w * (w - 1); // (1 - p) / p²
    sampled++;
    sampledWeight += w;
    variance += v;
    if (error) {
      sampledErrorWeight += w;
      errorVariance += v;
    }
  }

  double estimate() {
    return certain + sampledWeight;
  }

  /** {@code Σ (1 − p)/p²}: the Horvitz–Thompson variance estimate of {@link #estimate()}. */
  double variance() {
    return variance;
  }

  /** The interval for the count at the normal quantile {@code z}: {@code [low, high]}. */
  double[] interval(double z) {
    if (sampled == 0) {
      return new double[] {certain, certain};
    }
    double v = variance / sampledWeight;
    double centre = sampledWeight + z * z * v / 2;
    double half = z * Math.sqrt(v * sampledWeight + z * z * v * v / 4);
    double low = Math.max(sampled, centre - half);
    return new double[] {certain + low, certain + centre + half};
  }

  /** The estimated error share in [0, 1]; {@code NaN} without requests. */
  double errorShare() {
    double n = estimate();
    return n == 0 ? Double.NaN : (certainErrors + sampledErrorWeight) / n;
  }

  /** The interval for the error share at the normal quantile {@code z}. */
  double[] errorShareInterval(double z) {
    double r = errorShare();
    if (Double.isNaN(r) || sampled == 0) {
      return new double[] {r, r}; // every request counted exactly
    }
    double n = estimate();
    // Linearized variance: Σ v (e − R)² = Σv·e·(1 − 2R) + R²·Σv, with e² = e.
    double ratioVariance = (errorVariance * (1 - 2 * r) + r * r * variance) / (n * n);
    double effective =
        r > 0 && r < 1 && ratioVariance > 0 ? r * (1 - r) / ratioVariance : n * n / weightSquares;
    return wilson(r, effective, z);
  }

  /** Wilson's score interval for a proportion {@code r} from {@code n} (effective) trials. */
  static double[] wilson(double r, double n, double z) {
    double z2n = z * z / n;
    double centre = (r + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(r * (1 - r) / n + z2n / (4 * n));
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  long kept() {
    return certain + sampled;
  }

  /** The lowest {@code sample_rate} seen; {@code NaN} without requests. */
  double minRate() {
    return minRate;
  }

  /** The highest {@code sample_rate} seen; {@code NaN} without requests. */
  double maxRate() {
    return maxRate;
  }
}
