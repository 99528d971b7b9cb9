package io.reqlens.report.internal.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The requests of a moving time window, kept compactly so that any view can be computed again by
 * replaying them through the report's own {@link Analysis} ({@code reqlens serve}): one analysis,
 * whether over files once or over a live window.
 *
 * <p>Bounded twice: requests older than the window are evicted, and beyond {@code maxRequests} the
 * oldest go first whatever their age (the window is then shorter than asked, and {@link
 * #evictedByCap()} says so). A stored request costs about 500 bytes with its share of the indexes
 * (measured: 200 000 requests, 100 MiB of live heap), plus one short traceback when it failed;
 * statements, routes and paths are shared between requests.
 *
 * <p>Not thread-safe: the caller holds one lock around reads and writes.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class WindowStore {

  private final int maxRequests;
  private final ArrayDeque<StoredRequest> requests = new ArrayDeque<>();
  private final Map<String, Object> byTrace = new HashMap<>();
  private final TreeMap<String, long[]> versions = new TreeMap<>();
  private final Interner strings = new Interner();
  private long added;
  private long evictedByWindow;
  private long evictedByCap;
  private long version;

  public WindowStore(int maxRequests) {
    if (maxRequests < 1) {
      throw new IllegalArgumentException("maxRequests must be at least 1, got " + maxRequests);
    }
    this.maxRequests = maxRequests;
  }

  /** Keeps {@code r} (a request with its {@code REQ}) whose line is at {@code offset}. */
  public void add(Request r, int fileId, long offset) {
    if (requests.size() >= maxRequests) {
      remove(requests.removeFirst());
      evictedByCap++;
    }
    StoredRequest s = new StoredRequest(r, strings, fileId, offset);
    requests.addLast(s);
    Object prev = byTrace.get(s.traceId);
    if (prev == null) {
      byTrace.put(s.traceId, s);
    } else if (prev instanceof StoredRequest) {
      List<StoredRequest> both = new ArrayList<>(2);
      both.add((StoredRequest) prev);
      both.add(s);
      byTrace.put(s.traceId, both);
    } else {
      @SuppressWarnings("unchecked")
      List<StoredRequest> all = (List<StoredRequest>) prev;
      all.add(s);
    }
    versions.computeIfAbsent(String.valueOf(s.serviceVersion), k -> new long[1])[0]++;
    added++;
    version++;
  }

  /**
   * Evicts requests that started before {@code cutoffNs}, oldest-read first; stops at the first
   * newer one (files are read in time order, so the few out of order leave a little later).
   */
  public int evictOlderThan(long cutoffNs) {
    int n = 0;
    while (!requests.isEmpty() && requests.peekFirst().tsNs < cutoffNs) {
      remove(requests.removeFirst());
      n++;
    }
    evictedByWindow += n;
    if (n > 0) {
      version++;
    }
    return n;
  }

  private void remove(StoredRequest s) {
    Object at = byTrace.get(s.traceId);
    if (at == s) {
      byTrace.remove(s.traceId);
    } else if (at instanceof List) {
      List<?> all = (List<?>) at;
      all.remove(s);
      if (all.isEmpty()) {
        byTrace.remove(s.traceId);
      }
    }
    long[] c = versions.get(String.valueOf(s.serviceVersion));
    if (c != null && --c[0] == 0) {
      versions.remove(String.valueOf(s.serviceVersion));
    }
  }

  /** Feeds every stored request that {@code which} accepts to {@code sink}, oldest first. */
  public void replay(Selection which, Consumer<Request> sink) {
    for (StoredRequest s : requests) {
      if (which.accepts(s.service, s.method, s.route, s.tsNs)) {
        sink.accept(s.toRequest());
      }
    }
  }

  /**
   * Feeds the requests added after the {@code added()} count {@code since} to {@code sink}, oldest
   * first (those already evicted are skipped): for a view kept up to date incrementally.
   */
  public void replayAddedSince(long since, Consumer<Request> sink) {
    long n = Math.min(added - since, requests.size());
    if (n <= 0) {
      return;
    }
    ArrayDeque<StoredRequest> newest = new ArrayDeque<>((int) n);
    Iterator<StoredRequest> it = requests.descendingIterator();
    for (long i = 0; i < n && it.hasNext(); i++) {
      newest.addFirst(it.next());
    }
    for (StoredRequest s : newest) {
      sink.accept(s.toRequest());
    }
  }

  /** The stored requests of one trace (several when two services share the folder). */
  public List<Found> find(String traceId) {
    Object at = byTrace.get(traceId);
    List<Found> out = new ArrayList<>();
    if (at instanceof StoredRequest) {
      out.add(new Found((StoredRequest) at));
    } else if (at instanceof List) {
      for (Object o : (List<?>) at) {
        out.add(new Found((StoredRequest) o));
      }
    }
    return out;
  }

  /** Trace ids of the stored requests {@code which} accepts, newest first, at most {@code max}. */
  public List<String> traceIds(Selection which, int max) {
    List<String> out = new ArrayList<>();
    Iterator<StoredRequest> it = requests.descendingIterator();
    while (it.hasNext() && out.size() < max) {
      StoredRequest s = it.next();
      if (which.accepts(s.service, s.method, s.route, s.tsNs)) {
        out.add(s.traceId);
      }
    }
    return out;
  }

  /** {@code service_version} values with their stored request counts, sorted. */
  public Map<String, Long> versions() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    versions.forEach((k, v) -> out.put(k, v[0]));
    return out;
  }

  public int size() {
    return requests.size();
  }

  public int maxRequests() {
    return maxRequests;
  }

  /** Start time of the oldest-read request kept; 0 when empty. */
  public long oldestNs() {
    return requests.isEmpty() ? 0 : requests.peekFirst().tsNs;
  }

  public long added() {
    return added;
  }

  public long evictedByWindow() {
    return evictedByWindow;
  }

  /** Requests evicted because the store was full: the window then covers less than asked. */
  public long evictedByCap() {
    return evictedByCap;
  }

  /** Changes on every add and eviction: views computed at the same version are still valid. */
  public long version() {
    return version;
  }

  /** Which stored requests a view covers. */
  @FunctionalInterface
  public interface Selection {
    Selection ALL = (service, method, route, tsNs) -> true;

    boolean accepts(String service, String method, String route, long tsNs);
  }

  /** A stored request found by trace id: the request and where its {@code REQ} line is. */
  public static final class Found {
    public final Request request;
    public final int fileId;
    public final long offset;

    Found(StoredRequest s) {
      this.request = s.toRequest();
      this.fileId = s.fileId;
      this.offset = s.offset;
    }
  }
}
