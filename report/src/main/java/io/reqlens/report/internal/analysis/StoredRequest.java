package io.reqlens.report.internal.analysis;

/**
 * One request as {@link WindowStore} keeps it: the figures the analysis reads, statements packed
 * into one array, exceptions cut to what the views show, and where its {@code REQ} line is.
 *
 * <p>Why not keep the {@link Request}? Its maps and lists cost about twice as much per request, and
 * the store holds up to hundreds of thousands of them.
 */
final class StoredRequest {

  /** Longest exception message kept (what the views show). */
  static final int MESSAGE_CHARS = Rows.MESSAGE_CHARS;

  /** Lines of a traceback kept: the first line and the first frames, as {@link Rows} shows. */
  static final int TRACEBACK_LINES = 12;

  final String traceId;
  final String spanId;
  final String service;
  final String serviceVersion;
  final String method;
  final String route;
  final String path;
  final long tsNs;
  final long durNs;
  final double weight;
  final int status;
  final boolean error;
  final long bytesIn;
  final long bytesOut;
  final long dbCount;
  final long dbDurNs;
  final long dbEvents;
  final long dbEventsDurNs;

  /** Per statement: key index in {@link #keys}, then count, duration, max, errors. */
  final String[] keys;

  final String[] systems;
  final long[] calls;

  /** Type, message, traceback per recorded exception; null when none. */
  final String[] failures;

  /** Where the {@code REQ} line is: the file's id in the follower, and its byte offset. */
  final int fileId;

  final long offset;

  StoredRequest(Request r, Interner strings, int fileId, long offset) {
    traceId = r.traceId;
    spanId = r.spanId;
    service = strings.intern(r.service);
    serviceVersion = strings.intern(r.serviceVersion);
    method = strings.intern(r.method);
    route = strings.intern(r.route);
    path = strings.intern(r.path);
    tsNs = r.tsNs;
    durNs = r.durNs;
    weight = r.weight;
    status = r.status;
    error = r.error;
    bytesIn = r.bytesIn;
    bytesOut = r.bytesOut;
    dbCount = r.dbCount;
    dbDurNs = r.dbDurNs;
    dbEvents = r.dbEvents;
    dbEventsDurNs = r.dbEventsDurNs;
    int n = 0;
    for (Request.Calls c : r.statements()) {
      n++;
    }
    keys = new String[n];
    systems = new String[n];
    calls = new long[4 * n];
    int i = 0;
    for (Request.Calls c : r.statements()) {
      keys[i] = strings.intern(c.key);
      systems[i] = strings.intern(c.system);
      calls[4 * i] = c.count;
      calls[4 * i + 1] = c.durNs;
      calls[4 * i + 2] = c.maxNs;
      calls[4 * i + 3] = c.errors;
      i++;
    }
    if (r.failures().isEmpty()) {
      failures = null;
    } else {
      failures = new String[3 * r.failures().size()];
      int j = 0;
      for (Request.Failure f : r.failures()) {
        failures[j++] = strings.intern(f.type);
        failures[j++] = Rows.cut(f.message, MESSAGE_CHARS);
        failures[j++] = trim(f.traceback);
      }
    }
    this.fileId = fileId;
    this.offset = offset;
  }

  /** A fresh {@link Request} with the same figures, for the analysis. */
  Request toRequest() {
    Request r = new Request(traceId);
    r.hasReq = true;
    r.tsNs = tsNs;
    r.spanId = spanId;
    r.service = service;
    r.serviceVersion = serviceVersion;
    r.weight = weight;
    r.method = method;
    r.route = route;
    r.path = path;
    r.status = status;
    r.durNs = durNs;
    r.bytesIn = bytesIn;
    r.bytesOut = bytesOut;
    r.error = error;
    r.dbCount = dbCount;
    r.dbDurNs = dbDurNs;
    r.dbEvents = dbEvents;
    r.dbEventsDurNs = dbEventsDurNs;
    for (int i = 0; i < keys.length; i++) {
      r.addCalls(
          keys[i], systems[i], calls[4 * i], calls[4 * i + 1], calls[4 * i + 2], calls[4 * i + 3]);
    }
    if (failures != null) {
      for (int j = 0; j < failures.length; j += 3) {
        r.addFailure(failures[j], failures[j + 1], failures[j + 2]);
      }
    }
    return r;
  }

  /** The first line and the first frames: what {@link Rows#frames} reads, at a bounded size. */
  static String trim(String traceback) {
    if (traceback == null) {
      return null;
    }
    String[] lines = traceback.split("\r?\n", TRACEBACK_LINES + 1);
    StringBuilder b = new StringBuilder();
    int frames = 0;
    for (int i = 0; i < Math.min(lines.length, TRACEBACK_LINES); i++) {
      b.append(Rows.cut(lines[i], 300)).append('\n');
      if (lines[i].trim().startsWith("at ") && ++frames == Rows.FRAMES) {
        break;
      }
    }
    return b.toString();
  }
}
