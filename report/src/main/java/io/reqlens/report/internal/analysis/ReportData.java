package io.reqlens.report.internal.analysis;

import io.reqlens.report.internal.input.InputStats;
import java.util.List;

/**
 * Everything a renderer needs, computed once at the end of the read. Durations are nanoseconds,
 * times epoch nanoseconds, percentages 0..100. Lists are already sorted and limited.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReportData {

  public Totals totals;
  public InputStats input;

  /** Routes in the chosen order, cut to {@code --limit}. */
  public List<RouteRow> routes;

  /** Every route (at most the route cap), in the chosen order: for highlights and HTML. */
  public List<RouteRow> allRoutes;

  public List<RequestRow> slowest;
  public List<ErrorRow> recentErrors;
  public List<CountRow> exceptionTypes;
  public List<QueryRow> queriesByTime;
  public List<QueryRow> queriesByCount;
  public List<NPlusOneRow> nPlusOne;
  public Timeline timeline;
  public Heatmap heatmap;
  public List<OutlierRow> outliers;

  /**
   * Where the sampled time of each route went ({@code PROF} events merged per route, weighted by
   * {@code 1/sample_rate}): routes with stack samples, the most sampled time first, cut to {@code
   * --limit}.
   */
  public List<HotCodeRow> hotCode;

  /** Every route with stack samples (at most the route cap), in the same order: for HTML. */
  public List<HotCodeRow> allHotCode;

  public Comparison comparison;
  public List<String> notes;

  /** Whole-report figures. */
  public static final class Totals {
    public long requests;
    public double estimatedRequests;
    public long errors;
    public double errorPct;

    /** Confidence level of every interval in the report, in percent (95, 99.9). */
    public double confidencePct;

    public double estimatedLow;
    public double estimatedHigh;
    public double errorPctLow;
    public double errorPctHigh;
    public long firstTsNs;
    public long lastTsNs;
    public int routes;
    public long orphanEvents;
    public long orphanQueries;
    public long fnEvents;
    public String filters;
    public long nowNs;
    public String zone;
    public int nPlusOneThreshold;
    public double outlierFactor;
  }

  /** One method + route. */
  public static final class RouteRow {
    public String service;
    public String method;
    public String route;
    public long requests;
    public double estimatedRequests;
    public double errorPct;

    /** The confidence interval of {@link #estimatedRequests} (see {@code CountEstimate}). */
    public double estimatedLow;

    public double estimatedHigh;

    /** The confidence interval of {@link #errorPct}. */
    public double errorPctLow;

    public double errorPctHigh;

    /** The lowest and highest {@code sample_rate} of the route's kept requests. */
    public double minSampleRate;

    public double maxSampleRate;

    public long p50Ns;
    public long p95Ns;
    public long p99Ns;
    public long maxNs;
    public double meanQueries;
    public long maxQueries;
    public double dbSharePct;
    public double meanBytesIn;
    public double meanBytesOut;
    public long outliers;

    /** Percentile curve for charts: {@link #CURVE_PERCENTILES} → ns. */
    public long[] curveNs;

    /** Request counts per {@link #BUCKET_UPPER_NS} bucket (last bucket: above the last bound). */
    public long[] buckets;

    /** "METHOD route" (the service is shown separately when there are several). */
    public String name() {
      return (method == null ? "?" : method) + " " + (route == null ? "(no route)" : route);
    }
  }

  public static final double[] CURVE_PERCENTILES = {0, 25, 50, 75, 90, 95, 99, 99.9, 100};

  public static final long[] BUCKET_UPPER_NS = {
    1_000_000L,
    2_000_000L,
    5_000_000L,
    10_000_000L,
    20_000_000L,
    50_000_000L,
    100_000_000L,
    200_000_000L,
    500_000_000L,
    1_000_000_000L,
    2_000_000_000L,
    5_000_000_000L,
    10_000_000_000L
  };

  /** One request's code profile, as its {@code PROF} event carried it. */
  public static final class ProfileData {
    public long samples;
    public long intervalNs;

    /** Folded stacks, {@code "root;...;leaf COUNT"}, as written. */
    public List<String> stacks;
  }

  /** The code of one route: its hottest frames and its merged stacks (for a flame graph). */
  public static final class HotCodeRow {
    public String service;
    public String method;
    public String route;

    /** Requests of the route that were stack-sampled. */
    public long requests;

    /** Thread samples, as taken. */
    public long samples;

    /** Thread samples re-weighted by {@code 1/sample_rate}: the share base of the frames. */
    public double weightedSamples;

    /**
     * Thread time covered by the samples (samples times the interval each request got), per sampled
     * request, weighted, in ns: how long a request's threads ran beyond the profiler's {@code
     * after}, on average.
     */
    public long meanSampledNs;

    /** The same, summed over the route's requests and weighted: the order of the rows. */
    public double weightedSampledNs;

    /** Frames by self time (the innermost real frame of a sample), most first. */
    public List<FrameRow> self;

    /**
     * Application frames by total time (the frame anywhere on the stack, once per sample; the JDK,
     * drivers, frameworks, the agent and Reqlens left out, as for the N+1 caller), most first.
     */
    public List<FrameRow> total;

    /**
     * The route's stacks merged, {@code "root;...;leaf WEIGHT"} with the weight (samples times
     * {@code 1/sample_rate}) rounded to a whole number, at least 1: what a flame graph draws.
     */
    public List<String> stacks;

    /** "METHOD route". */
    public String name() {
      return (method == null ? "?" : method) + " " + (route == null ? "(no route)" : route);
    }
  }

  /** A frame and its share of a route's (weighted) samples. */
  public static final class FrameRow {
    public String frame;
    public double samples;
    public double pct;
  }

  /** One request, as listed among the slowest or the outliers. */
  public static class RequestRow {
    public long tsNs;
    public String traceId;
    public String spanId;
    public String service;
    public String method;
    public String route;
    public String path;
    public int status;
    public long durNs;
    public long queries;
    public long dbNs;

    /** Its code profile: set for the slowest requests only (null when not stack-sampled). */
    public ProfileData profile;
  }

  /** A failed request with its exception, if one was recorded. */
  public static final class ErrorRow extends RequestRow {
    public String exceptionType;
    public String exceptionMessage;

    /** The first frames of the traceback (at most a few lines). */
    public List<String> frames;
  }

  /** A name and how often it was seen. */
  public static final class CountRow {
    public String name;
    public long count;
  }

  /** One statement over all requests. */
  public static final class QueryRow {
    public String system;
    public String statement;
    public long calls;
    public long totalNs;
    public long maxNs;
    public long errors;
    public long requests;
    public String topRoute;
  }

  /** A statement run many times within single requests of a route. */
  public static final class NPlusOneRow {
    public String method;
    public String route;
    public String statement;
    public long requests;
    public long maxRepeats;
    public double meanRepeats;
    public String exampleTraceId;

    /** The application frame that issued the statement (DB events' {@code caller}), or null. */
    public String caller;
  }

  /** Requests over time in equal buckets. */
  public static final class Timeline {
    public long bucketSeconds;
    public long[] startNs;
    public double[] requestsPerMinute;
    public double[] errorsPerMinute;
  }

  /** Estimated requests by [day of week, Monday first][hour of day]. */
  public static final class Heatmap {
    public String zone;
    public double[][] requests;
  }

  /** A request slower than {@code factor} times its route's median. */
  public static final class OutlierRow extends RequestRow {
    public long routeMedianNs;
    public double ratio;
  }

  /** {@code --compare}: two sides per route. */
  public static final class Comparison {
    public String mode;
    public String labelA;
    public String labelB;
    public String test;
    public List<CompareRow> rows;
  }

  /** One route on both sides. */
  public static final class CompareRow {
    public String method;
    public String route;
    public long requestsA;
    public long requestsB;
    public long p50A;
    public long p50B;
    public long p95A;
    public long p95B;
    public double errorPctA;
    public double errorPctB;

    /** Two-sided p-value, {@code NaN} when a side has too few samples. */
    public double pValue;

    public boolean significant;
  }
}
