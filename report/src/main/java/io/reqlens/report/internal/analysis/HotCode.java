package io.reqlens.report.internal.analysis;

import io.reqlens.profiler.CallerFrames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which code each route's time went into: the {@code PROF} stacks of its requests merged, each
 * weighted by {@code 1/sample_rate} (a kept request stands for that many), then ranked by self time
 * (the innermost real frame of a sample: where the thread was) and by total time (an application
 * frame anywhere on the stack: what it was doing, callees included).
 *
 * <p>Bounded: routes as in the route table ({@link RouteTable#MAX_ROUTES}), {@link
 * #MAX_STACKS_PER_ROUTE} distinct stacks per route and {@link #MAX_STACKS} in all (further new
 * stacks count as {@code [truncated]}), frames interned once ({@link FoldedStacks}).
 */
final class HotCode {

  static final int MAX_STACKS_PER_ROUTE = 2_000;
  static final int MAX_STACKS = 50_000;

  /** Frames listed per route, by self and by total time. */
  static final int TOP_FRAMES = 5;

  /** Merged stacks written per route (the rest, the lightest, as one {@code [truncated]} line). */
  static final int MAX_FOLDED_LINES = 2_000;

  private static final class Route {
    final String service;
    final String method;
    final String route;
    final FoldedStacks stacks;
    long requests;
    long samples;
    double weightedRequests;
    double weightedNs; // sampled thread time, samples x interval, weighted

    Route(String service, String method, String route, FoldedStacks stacks) {
      this.service = service;
      this.method = method;
      this.route = route;
      this.stacks = stacks;
    }
  }

  private final FoldedStacks.Frames frames = new FoldedStacks.Frames();
  private final Map<String, Route> routes = new HashMap<>();
  private final CallerFrames application = CallerFrames.defaults();
  private int stacksHeld;
  private long overflowRequests;
  private int[] seen = new int[64]; // frame id -> the stack it was last seen in (see firstSeen)
  private int stamp;

  void add(Request r) {
    ReportData.ProfileData p = r.profile();
    if (p == null) {
      return;
    }
    String key = RouteTable.key(r.service, r.method, r.route);
    Route route = routes.get(key);
    if (route == null) {
      if (routes.size() >= RouteTable.MAX_ROUTES) {
        overflowRequests++;
        return;
      }
      route =
          new Route(r.service, r.method, r.route, new FoldedStacks(frames, MAX_STACKS_PER_ROUTE));
      routes.put(key, route);
    }
    route.requests++;
    route.samples += p.samples;
    route.weightedRequests += r.weight;
    route.weightedNs += r.weight * p.samples * p.intervalNs;
    int before = route.stacks.size();
    for (String line : p.stacks) {
      route.stacks.add(line, r.weight, stacksHeld < MAX_STACKS);
      stacksHeld += route.stacks.size() - before;
      before = route.stacks.size();
    }
  }

  /** Requests with a profile left out because their route did not fit (see RouteTable). */
  long overflowRequests() {
    return overflowRequests;
  }

  /** Every route with samples, the most sampled time (weighted) first. */
  List<ReportData.HotCodeRow> result() {
    List<ReportData.HotCodeRow> rows = new ArrayList<>();
    for (Route route : routes.values()) {
      rows.add(row(route));
    }
    rows.sort(
        Comparator.comparingDouble((ReportData.HotCodeRow h) -> -h.weightedSampledNs)
            .thenComparing(ReportData.HotCodeRow::name));
    return rows;
  }

  private ReportData.HotCodeRow row(Route route) {
    ReportData.HotCodeRow row = new ReportData.HotCodeRow();
    row.service = route.service;
    row.method = route.method;
    row.route = route.route;
    row.requests = route.requests;
    row.samples = route.samples;
    row.weightedSamples = route.stacks.total();
    row.weightedSampledNs = route.weightedNs;
    row.meanSampledNs = Math.round(route.weightedNs / route.weightedRequests);
    Map<Integer, double[]> self = new HashMap<>();
    Map<Integer, double[]> total = new HashMap<>();
    List<Map.Entry<FoldedStacks.Stack, double[]>> stacks =
        new ArrayList<>(route.stacks.weights().entrySet());
    for (Map.Entry<FoldedStacks.Stack, double[]> e : stacks) {
      int[] ids = e.getKey().frames;
      double w = e.getValue()[0];
      int leaf = ids.length - 1;
      while (leaf >= 0 && isPseudo(route.stacks.name(ids[leaf]))) {
        leaf--;
      }
      if (leaf >= 0) {
        self.computeIfAbsent(ids[leaf], k -> new double[1])[0] += w;
      }
      stamp++;
      for (int i = 0; i < ids.length; i++) {
        if (firstSeen(ids[i]) && isApplication(route.stacks.name(ids[i]))) {
          total.computeIfAbsent(ids[i], k -> new double[1])[0] += w; // once per stack: recursion
        }
      }
    }
    row.self = top(self, row.weightedSamples, route.stacks);
    row.total = top(total, row.weightedSamples, route.stacks);
    row.stacks = folded(stacks, route.stacks);
    return row;
  }

  private static List<ReportData.FrameRow> top(
      Map<Integer, double[]> byFrame, double all, FoldedStacks names) {
    List<ReportData.FrameRow> rows = new ArrayList<>();
    for (Map.Entry<Integer, double[]> e : byFrame.entrySet()) {
      ReportData.FrameRow f = new ReportData.FrameRow();
      f.frame = names.name(e.getKey());
      f.samples = e.getValue()[0];
      f.pct = all == 0 ? 0 : 100 * f.samples / all;
      rows.add(f);
    }
    rows.sort(
        Comparator.comparingDouble((ReportData.FrameRow f) -> -f.samples)
            .thenComparing(f -> f.frame));
    return rows.size() > TOP_FRAMES ? new ArrayList<>(rows.subList(0, TOP_FRAMES)) : rows;
  }

  /** The merged stacks, heaviest first, weights rounded to whole samples (at least 1). */
  private static List<String> folded(
      List<Map.Entry<FoldedStacks.Stack, double[]>> stacks, FoldedStacks names) {
    stacks.sort(
        Comparator.comparingDouble((Map.Entry<FoldedStacks.Stack, double[]> e) -> -e.getValue()[0])
            .thenComparing(e -> Arrays.toString(e.getKey().frames)));
    List<String> lines = new ArrayList<>(Math.min(stacks.size(), MAX_FOLDED_LINES));
    double rest = 0;
    StringBuilder b = new StringBuilder(256);
    for (int i = 0; i < stacks.size(); i++) {
      double w = stacks.get(i).getValue()[0];
      if (i >= MAX_FOLDED_LINES - 1 && stacks.size() > MAX_FOLDED_LINES) {
        rest += w;
        continue;
      }
      b.setLength(0);
      int[] ids = stacks.get(i).getKey().frames;
      for (int j = 0; j < ids.length; j++) {
        if (j > 0) {
          b.append(';');
        }
        b.append(names.name(ids[j]));
      }
      lines.add(b.append(' ').append(Math.max(1, Math.round(w))).toString());
    }
    if (rest > 0) {
      lines.add(FoldedStacks.TRUNCATED + ' ' + Math.max(1, Math.round(rest)));
    }
    return lines;
  }

  /** {@code [WAITING]}, {@code [truncated]} and the like: not code. */
  private static boolean isPseudo(String frame) {
    return frame.startsWith("[");
  }

  private boolean isApplication(String frame) {
    if (isPseudo(frame)) {
      return false;
    }
    int dot = frame.lastIndexOf('.');
    return dot > 0 && !application.isSkipped(frame.substring(0, dot));
  }

  /** Whether frame {@code id} is seen for the first time in the current stack ({@link #stamp}). */
  private boolean firstSeen(int id) {
    if (id >= seen.length) {
      seen = Arrays.copyOf(seen, Math.max(id + 1, seen.length * 2));
    }
    if (seen[id] == stamp) {
      return false;
    }
    seen[id] = stamp;
    return true;
  }
}
