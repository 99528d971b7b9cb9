package io.reqlens.report.internal.serve;

import io.reqlens.report.internal.analysis.Filter;
import io.reqlens.report.internal.analysis.WindowStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the dashboard knows, behind one lock (this object): the window of requests, the
 * indexes of span and profile lines, and the files being followed. The follower writes under the
 * lock in chunks; the views read under it.
 */
final class Model {

  final DashboardConfig config;
  final WindowStore store;
  final ProfileIndex profiles;
  final SpanIndex spans;
  final Ingest ingest;

  /** Followed files by id (what locators name). */
  final Map<Integer, TrackedFile> files = new HashMap<>();

  long polls;
  long lastPollNs;
  long bytesRead;
  long filesSkippedOld;
  long filesGone;
  String lastProblem;

  Model(DashboardConfig config, Filter filter) {
    this.config = config;
    this.store = new WindowStore(config.maxRequests);
    this.profiles = new ProfileIndex(config.maxProfiles);
    this.spans = new SpanIndex(config.maxSpanTraces);
    this.ingest = new Ingest(store, profiles, filter);
  }

  /** The current path of a followed file, or null when it is gone. */
  synchronized Path path(int fileId) {
    TrackedFile f = files.get(fileId);
    return f == null ? null : f.path;
  }
}
