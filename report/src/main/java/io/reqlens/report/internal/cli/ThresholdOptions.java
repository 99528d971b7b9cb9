package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.analysis.AnalysisOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The N+1 and outlier thresholds shared by {@code report} and {@code serve} (a picocli mixin): both
 * commands take them with the same meaning, default and check, owned here once.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ThresholdOptions {

  @Option(
      names = "--n-plus-one",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Flag a statement run at least N times within one request. Default: ${DEFAULT-VALUE}.")
  int nPlusOne;

  @Option(
      names = "--outlier-factor",
      paramLabel = "K",
      defaultValue = "3",
      description =
          "Outliers: requests slower than K x their route's median. Default: ${DEFAULT-VALUE}.")
  double outlierFactor;

  /** Checks both values and sets them on {@code o}; a bad value is a usage error of {@code cl}. */
  void applyTo(AnalysisOptions o, CommandLine cl) {
    if (nPlusOne < 2) {
      throw new ParameterException(cl, "--n-plus-one must be at least 2, got " + nPlusOne);
    }
    o.nPlusOneThreshold = nPlusOne;
    if (!(outlierFactor > 1) || Double.isInfinite(outlierFactor)) {
      throw new ParameterException(
          cl, "--outlier-factor must be a number greater than 1, got " + outlierFactor);
    }
    o.outlierFactor = outlierFactor;
  }
}
