package io.reqlens.report.internal.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.report.internal.analysis.Analysis;
import io.reqlens.report.internal.analysis.AnalysisOptions;
import io.reqlens.report.internal.analysis.CompareSpec;
import io.reqlens.report.internal.analysis.LatencyOverTime;
import io.reqlens.report.internal.analysis.ReportData;
import io.reqlens.report.internal.analysis.WindowStore;
import io.reqlens.report.internal.input.EventParser;
import io.reqlens.report.internal.render.ChartData;
import io.reqlens.report.internal.render.FlameGraph;
import io.reqlens.report.internal.render.ReportJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The API's documents. Each is computed by replaying the window through the report's {@link
 * Analysis} and written with the report's JSON writer, then kept until the window changes (and for
 * at least {@link #MIN_AGE_NS}, so many open pages cost one computation per second at most).
 */
final class Views {

  /** A document is reused for at least this long, even when new data arrived. */
  static final long MIN_AGE_NS = 1_000_000_000L;

  /** Rows of the lists (slowest, errors, queries, N+1) in the overview and route documents. */
  static final int TOP = 20;

  /** Recent errors on the errors page. */
  static final int TOP_ERRORS = 100;

  /** Time buckets of a route's latency-over-time chart. */
  static final int TIME_BUCKETS = 60;

  /** Profiles merged into a route's flame graph at most (the newest). */
  static final int MAX_PROFILES = 500;

  private static final int CACHED_DOCUMENTS = 64;

  /** A live analysis is rebuilt after evictions at most this often. */
  static final long REBUILD_NS = 60_000_000_000L;

  /** A live analysis of the whole window; guarded by the model's lock. */
  private static final class Live {
    Analysis analysis;
    long added;
    long evicted;
    long builtAt;
  }

  // By list length: the overview's and the errors page's.
  private final Map<Integer, Live> live = new java.util.HashMap<>();

  private static final class Cached {
    final long version;
    final long atNanos;
    final byte[] body;

    Cached(long version, long atNanos, byte[] body) {
      this.version = version;
      this.atNanos = atNanos;
      this.body = body;
    }
  }

  private final Model model;
  private final Map<String, Cached> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
          return size() > CACHED_DOCUMENTS;
        }
      };

  Views(Model model) {
    this.model = model;
  }

  private interface Compute {
    byte[] get() throws IOException;
  }

  private byte[] cached(String key, Compute compute) throws IOException {
    long version;
    synchronized (model) {
      version = model.store.version();
    }
    long now = System.nanoTime();
    synchronized (cache) {
      Cached c = cache.get(key);
      if (c != null && (c.version == version || now - c.atNanos < MIN_AGE_NS)) {
        return c.body;
      }
    }
    byte[] body = compute.get();
    synchronized (cache) {
      cache.put(key, new Cached(version, now, body));
    }
    return body;
  }

  private AnalysisOptions options(int top) {
    AnalysisOptions base = model.config.analysis;
    AnalysisOptions o = new AnalysisOptions();
    o.top = top;
    o.routeLimit = Integer.MAX_VALUE;
    o.routeSort = base.routeSort;
    o.nPlusOneThreshold = base.nPlusOneThreshold;
    o.outlierFactor = base.outlierFactor;
    o.zone = base.zone;
    o.nowNs = model.config.nowNs();
    return o;
  }

  /** Runs the analysis over the selected requests; call under the model's lock. */
  private ReportData analyse(AnalysisOptions o, WindowStore.Selection which) {
    Analysis a = new Analysis(o);
    model.store.replay(which, a);
    return a.result(model.ingest.lines().stats(), model.ingest.assembler());
  }

  byte[] status() throws IOException {
    synchronized (model) {
      return ApiJson.bytes(g -> Status.write(model, g));
    }
  }

  /**
   * The overview and the errors page are kept up to date incrementally: new requests are added to
   * one live analysis per list length, and it is rebuilt from the window only when requests left
   * it, at most every {@link #REBUILD_NS} (why: replaying 200 000 requests costs about half a
   * second, adding a poll's new ones almost nothing). Between rebuilds it may count requests that
   * left the window that long ago.
   */
  private ReportData liveResult(int top) {
    Live l = live.computeIfAbsent(top, k -> new Live());
    long evicted = model.store.evictedByWindow() + model.store.evictedByCap();
    long now = System.nanoTime();
    if (l.analysis == null || (evicted != l.evicted && now - l.builtAt >= REBUILD_NS)) {
      l.analysis = new Analysis(options(top));
      model.store.replay(WindowStore.Selection.ALL, l.analysis);
      l.evicted = evicted;
      l.builtAt = now;
    } else {
      model.store.replayAddedSince(l.added, l.analysis);
    }
    l.added = model.store.added();
    return l.analysis.result(model.ingest.lines().stats(), model.ingest.assembler());
  }

  byte[] overview() throws IOException {
    return cached(
        "overview",
        () -> {
          synchronized (model) {
            ReportData d = liveResult(TOP);
            return ApiJson.bytes(g -> document(d, g));
          }
        });
  }

  byte[] errors() throws IOException {
    return cached(
        "errors",
        () -> {
          synchronized (model) {
            ReportData d = liveResult(TOP_ERRORS);
            return ApiJson.bytes(g -> document(d, g));
          }
        });
  }

  /** Compares two versions ({@code versions=A,B}) or windows ({@code windows=1h}). */
  byte[] compare(String versions, String windows) throws IOException {
    return cached(
        "compare\u0000" + versions + "\u0000" + windows,
        () -> {
          synchronized (model) {
            AnalysisOptions o = options(TOP);
            o.compare = compareSpec(versions, windows, o.nowNs);
            ReportData d = analyse(o, WindowStore.Selection.ALL);
            return ApiJson.bytes(g -> document(d, g));
          }
        });
  }

  private CompareSpec compareSpec(String versions, String windows, long nowNs) {
    if (versions != null) {
      String[] v = versions.split(",", -1);
      if (v.length != 2 || v[0].isBlank() || v[1].isBlank()) {
        throw new IllegalArgumentException("versions takes two versions: A,B");
      }
      return CompareSpec.versions(v[0].trim(), v[1].trim());
    }
    if (windows == null) {
      List<String> known = new ArrayList<>(model.store.versions().keySet());
      known.remove("null");
      if (known.size() >= 2) {
        return CompareSpec.versions(known.get(known.size() - 2), known.get(known.size() - 1));
      }
      windows = "1h";
    }
    long d = io.reqlens.core.config.Durations.parseNanos(windows);
    if (d <= 0) {
      throw new IllegalArgumentException("windows must be a positive duration");
    }
    return CompareSpec.windows(
        nowNs - 2 * d,
        nowNs - d,
        nowNs - d,
        nowNs + 1,
        "the " + windows + " before",
        "the last " + windows);
  }

  /** One route: its report, its latency over time and its flame graph. */
  byte[] route(String service, String method, String route) throws IOException {
    WindowStore.Selection which =
        (s, m, r, ts) ->
            Objects.equals(s, service) && Objects.equals(m, method) && Objects.equals(r, route);
    return cached(
        "route\u0000" + service + "\u0000" + method + "\u0000" + route,
        () -> {
          ReportData d;
          LatencyOverTime overTime;
          List<ProfileIndex.Entry> profiles;
          List<Path> profileFiles = new ArrayList<>();
          synchronized (model) {
            d = analyse(options(TOP), which);
            // From the route's first request to its last: the chart shows where its data is.
            long from = d.totals.firstTsNs;
            overTime =
                new LatencyOverTime(from, Math.max(d.totals.lastTsNs + 1, from + 1), TIME_BUCKETS);
            model.store.replay(which, overTime);
            profiles =
                model.profiles.ofTraces(
                    new HashSet<>(model.store.traceIds(which, 50 * MAX_PROFILES)), MAX_PROFILES);
            for (ProfileIndex.Entry e : profiles) {
              TrackedFile f = model.files.get(e.fileId);
              profileFiles.add(f == null ? null : f.path);
            }
          }
          FlameGraph flame = flame(profiles, profileFiles);
          return ApiJson.bytes(
              g -> {
                g.writeStartObject();
                g.writeFieldName("window");
                synchronized (model) {
                  Status.window(model, g);
                }
                g.writeFieldName("report");
                ReportJson.write(d, g);
                g.writeFieldName("charts");
                ChartData.write(d, g);
                g.writeObjectFieldStart("latency_over_time");
                g.writeNumberField("bucket_ns", overTime.widthNs());
                g.writeArrayFieldStart("buckets");
                for (LatencyOverTime.Row r : overTime.rows()) {
                  g.writeStartObject();
                  g.writeNumberField("start_ns", r.startNs);
                  g.writeNumberField("requests", r.requests);
                  g.writeNumberField("estimated_requests", round(r.estimatedRequests));
                  g.writeNumberField("p50_ns", r.p50Ns);
                  g.writeNumberField("p95_ns", r.p95Ns);
                  g.writeNumberField("p99_ns", r.p99Ns);
                  g.writeNumberField("error_pct", round(r.errorPct));
                  g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeFieldName("profile");
                if (flame.samples() == 0) {
                  g.writeNull();
                } else {
                  g.writeStartObject();
                  g.writeNumberField("profiles", profiles.size());
                  g.writeNumberField("samples", flame.samples());
                  g.writeFieldName("tree");
                  flame.write(g);
                  g.writeEndObject();
                }
                g.writeEndObject();
              });
        });
  }

  /** Reads the stacks of the given PROF lines again and merges them. */
  private static FlameGraph flame(List<ProfileIndex.Entry> profiles, List<Path> files) {
    FlameGraph flame = new FlameGraph();
    EventParser parser = new EventParser();
    for (int i = 0; i < profiles.size(); i++) {
      Path f = files.get(i);
      if (f == null) {
        continue; // removed by retention
      }
      try {
        byte[] line = LineReads.lineAt(f, profiles.get(i).offset);
        if (line != null && parser.parse(line, 0, line.length) == EventParser.Result.OK) {
          flame.addAll(parser.event().stacks);
        }
      } catch (IOException e) {
        // Gone or unreadable since it was indexed: the graph has one profile less.
      }
    }
    return flame;
  }

  /** One request in full, or null when the trace is not in the window. */
  byte[] request(String traceId) throws IOException {
    RequestDetail d = RequestDetail.load(model, traceId);
    if (d == null) {
      return null;
    }
    return ApiJson.bytes(g -> d.write(g, model.config.traceLink));
  }

  private void document(ReportData d, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeFieldName("window");
    Status.window(model, g);
    g.writeFieldName("report");
    ReportJson.write(d, g);
    g.writeFieldName("charts");
    ChartData.write(d, g);
    g.writeEndObject();
  }

  private static double round(double v) {
    return Double.isNaN(v) ? 0 : Math.round(v * 1000) / 1000.0;
  }
}
