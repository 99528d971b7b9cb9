package io.reqlens.report.internal.analysis;

import io.reqlens.report.internal.input.InputStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds every filtered request to each section's aggregator. Every aggregator is bounded (see their
 * caps), so memory does not grow with the input.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Analysis implements Consumer<Request> {

  private final AnalysisOptions options;
  private final RouteTable routes = new RouteTable();
  private final QueryTable queries = new QueryTable();
  private final NPlusOne nPlusOne;
  private final HotCode hotCode = new HotCode();
  private final Timeline timeline = new Timeline();
  private final Heatmap heatmap;
  private final TopN<ReportData.RequestRow> slowest;
  private final TopN<ReportData.ErrorRow> recentErrors;
  private final CountTable exceptionTypes = new CountTable(200);
  private final CompareTable compare;
  private final CountEstimate total = new CountEstimate();
  private final ReportData.RequestRow probe = new ReportData.RequestRow();
  private final ReportData.ErrorRow errorProbe = new ReportData.ErrorRow();
  private long requests;
  private double weighted;
  private long errors;
  private double weightedErrors;
  private long firstTs = Long.MAX_VALUE;
  private long lastTs = Long.MIN_VALUE;
  private long filteredOut;

  public Analysis(AnalysisOptions options) {
    this.options = options;
    this.nPlusOne = new NPlusOne(options.nPlusOneThreshold);
    this.heatmap = new Heatmap(options.zone);
    this.slowest =
        new TopN<>(
            options.top,
            Comparator.comparingLong((ReportData.RequestRow r) -> r.durNs)
                .thenComparing(r -> r.traceId, Comparator.reverseOrder()));
    this.recentErrors =
        new TopN<>(
            options.top,
            Comparator.comparingLong((ReportData.ErrorRow r) -> r.tsNs)
                .thenComparing(r -> r.traceId, Comparator.reverseOrder()));
    this.compare = options.compare == null ? null : new CompareTable(options.compare);
  }

  @Override
  public void accept(Request r) {
    if (!r.hasReq || !options.filter.test(r)) {
      filteredOut++;
      return;
    }
    requests++;
    weighted += r.weight;
    total.add(r.weight, r.error);
    firstTs = Math.min(firstTs, r.tsNs);
    lastTs = Math.max(lastTs, r.tsNs);
    routes.add(r);
    queries.add(r);
    nPlusOne.add(r);
    hotCode.add(r);
    timeline.add(r.tsNs, r.weight, r.error);
    heatmap.add(r.tsNs, r.weight);
    probe.durNs = r.durNs;
    probe.traceId = r.traceId;
    if (slowest.wouldKeep(probe)) {
      ReportData.RequestRow row = Rows.request(r, new ReportData.RequestRow());
      row.profile = r.profile(); // the slowest few only: a profile is kilobytes
      slowest.offer(row);
    }
    if (r.error) {
      errors++;
      weightedErrors += r.weight;
      for (Request.Failure f : r.failures()) {
        exceptionTypes.add(f.type);
      }
      errorProbe.tsNs = r.tsNs;
      errorProbe.traceId = r.traceId;
      if (recentErrors.wouldKeep(errorProbe)) {
        recentErrors.offer(Rows.error(r));
      }
    }
    if (compare != null) {
      compare.add(r);
    }
  }

  /** Requests read but left out by the filters. */
  public long filteredOut() {
    return filteredOut;
  }

  /** The finished report. */
  public ReportData result(InputStats input, RequestAssembler assembler) {
    ReportData d = new ReportData();
    d.input = input;
    d.notes = new ArrayList<>();
    d.totals = totals(assembler);
    double[] count = total.interval(options.z());
    d.totals.estimatedLow = count[0];
    d.totals.estimatedHigh = count[1];
    double[] errorShare = total.errorShareInterval(options.z());
    d.totals.errorPctLow = requests == 0 ? 0 : 100 * errorShare[0];
    d.totals.errorPctHigh = requests == 0 ? 0 : 100 * errorShare[1];
    d.totals.confidencePct = options.confidencePct;
    double z = options.z();
    List<ReportData.RouteRow> rows = RouteRows.of(routes.all(), options.outlierFactor, z);
    d.totals.routes = rows.size();
    rows.sort(options.routeSort.order);
    d.outliers = RouteRows.outliers(routes.all(), options.outlierFactor, options.top);
    d.allRoutes = rows;
    d.routes =
        rows.size() > options.routeLimit
            ? new ArrayList<>(rows.subList(0, options.routeLimit))
            : rows;
    d.slowest = slowest.sorted();
    d.recentErrors = recentErrors.sorted();
    d.exceptionTypes = exceptionTypes.top(options.top);
    d.queriesByTime =
        queries.top(
            options.top, Comparator.comparingLong((ReportData.QueryRow q) -> q.totalNs).reversed());
    d.queriesByCount =
        queries.top(
            options.top, Comparator.comparingLong((ReportData.QueryRow q) -> q.calls).reversed());
    d.nPlusOne = nPlusOne.top(options.top);
    d.allHotCode = hotCode.result();
    d.hotCode =
        d.allHotCode.size() > options.routeLimit
            ? new ArrayList<>(d.allHotCode.subList(0, options.routeLimit))
            : d.allHotCode;
    d.timeline = timeline.result();
    d.heatmap = heatmap.result();
    d.comparison = compare == null ? null : compare.result();
    if (routes.overflowRequests() > 0) {
      d.notes.add(
          String.format(
              "more than %d routes: %d requests of later routes are counted " + "under \"%s\"",
              RouteTable.MAX_ROUTES, routes.overflowRequests(), RouteTable.OTHER));
    }
    if (queries.overflowCalls() > 0) {
      d.notes.add(
          String.format(
              "more than %d distinct statements: %d calls are counted under " + "\"%s\"",
              QueryTable.MAX_STATEMENTS, queries.overflowCalls(), QueryTable.OTHER));
    }
    if (hotCode.overflowRequests() > 0) {
      d.notes.add(
          String.format(
              "more than %d routes: the stack samples of %d requests of later routes are left out"
                  + " of the hot code",
              RouteTable.MAX_ROUTES, hotCode.overflowRequests()));
    }
    if (rows.size() > d.routes.size()) {
      d.notes.add(String.format("showing %d of %d routes (--limit)", d.routes.size(), rows.size()));
    }
    return d;
  }

  private ReportData.Totals totals(RequestAssembler assembler) {
    ReportData.Totals t = new ReportData.Totals();
    t.requests = requests;
    t.estimatedRequests = weighted;
    t.errors = errors;
    t.errorPct = weighted == 0 ? 0 : 100 * weightedErrors / weighted;
    t.firstTsNs = requests == 0 ? 0 : firstTs;
    t.lastTsNs = requests == 0 ? 0 : lastTs;
    t.orphanEvents = assembler.orphanEvents();
    t.orphanQueries = assembler.orphanQueries();
    t.fnEvents = assembler.fnEvents();
    t.filters = options.filter.description();
    t.nowNs = options.nowNs;
    t.zone = options.zone.getId();
    t.nPlusOneThreshold = options.nPlusOneThreshold;
    t.outlierFactor = options.outlierFactor;
    return t;
  }
}
