package io.reqlens.report.internal.serve;

import io.reqlens.core.event.EventKind;
import io.reqlens.report.internal.analysis.Filter;
import io.reqlens.report.internal.analysis.Request;
import io.reqlens.report.internal.analysis.RequestAssembler;
import io.reqlens.report.internal.analysis.WindowStore;
import io.reqlens.report.internal.input.Event;
import io.reqlens.report.internal.input.EventLines;
import java.util.HashMap;
import java.util.Map;

/**
 * Event lines into the window: parsed like the report parses them, assembled into requests by the
 * report's {@link RequestAssembler}, filtered by the report's {@link Filter}, then kept in the
 * {@link WindowStore}. {@code PROF} events go to the {@link ProfileIndex} (only where they are).
 *
 * <p>Not thread-safe: called by the follower under the model's lock.
 */
final class Ingest implements LineHandler {

  /** REQ lines whose request the assembler still holds, at most (then the map starts again). */
  private static final int MAX_PENDING = 100_000;

  private final WindowStore store;
  private final ProfileIndex profiles;
  private final Filter filter;
  private final EventLines lines = new EventLines();
  private final RequestAssembler assembler;
  private final Map<String, long[]> reqLines = new HashMap<>();
  private long cutoffNs = Long.MIN_VALUE;
  private long olderThanWindow;
  private long filteredOut;
  private long newestNs;

  Ingest(WindowStore store, ProfileIndex profiles, Filter filter) {
    this.store = store;
    this.profiles = profiles;
    this.filter = filter;
    this.assembler = new RequestAssembler(this::assembled);
  }

  /** Requests that started before {@code cutoffNs} are not kept. */
  void cutoff(long cutoffNs) {
    this.cutoffNs = cutoffNs;
  }

  @Override
  public void line(TrackedFile file, byte[] buf, int off, int len, long offset) {
    Event e = lines.parse(buf, off, len, file.name(), file.lineNo);
    if (e == null) {
      return;
    }
    if (e.kind == EventKind.PROF) {
      if (e.tsNs >= cutoffNs) {
        profiles.add(e, file.id, offset);
      }
      return;
    }
    if (e.kind == EventKind.REQ) {
      if (reqLines.size() >= MAX_PENDING) {
        reqLines.clear();
      }
      reqLines.put(key(e.traceId, e.spanId), new long[] {file.id, offset});
    }
    assembler.accept(e);
  }

  @Override
  public void tooLong(TrackedFile file) {
    lines.tooLong(file.name(), file.lineNo + 1);
  }

  /** Everything read so far is complete: hand on the requests the assembler holds. */
  void flush() {
    assembler.flush();
  }

  private void assembled(Request r) {
    long[] at = r.spanId() == null ? null : reqLines.remove(key(r.traceId, r.spanId()));
    if (r.tsNs() < cutoffNs) {
      olderThanWindow++;
      return;
    }
    if (!filter.test(r)) {
      filteredOut++;
      return;
    }
    newestNs = Math.max(newestNs, r.tsNs());
    store.add(r, at == null ? -1 : (int) at[0], at == null ? -1 : at[1]);
  }

  private static String key(String traceId, String spanId) {
    return traceId + '/' + spanId;
  }

  EventLines lines() {
    return lines;
  }

  RequestAssembler assembler() {
    return assembler;
  }

  long olderThanWindow() {
    return olderThanWindow;
  }

  long filteredOut() {
    return filteredOut;
  }

  long newestNs() {
    return newestNs;
  }
}
