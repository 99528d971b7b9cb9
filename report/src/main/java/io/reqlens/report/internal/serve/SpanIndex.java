package io.reqlens.report.internal.serve;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which span-file lines hold each trace, found without parsing: the follower scans each line's
 * bytes for {@code "traceId":"…"} (OTLP/JSON) or {@code "trace_id":"…"} (flat). The request page
 * then parses only those lines. At most {@code max} traces, oldest first out; at most {@link
 * #LINES_PER_TRACE} lines each (a local trace is exported in one or two batches).
 */
final class SpanIndex implements LineHandler {

  static final int LINES_PER_TRACE = 4;

  private static final byte[] OTLP = "\"traceId\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FLAT = "\"trace_id\":\"".getBytes(StandardCharsets.US_ASCII);

  private final int max;
  private final LinkedHashMap<String, long[]> lines;
  private long linesRead;
  private long tooLong;

  SpanIndex(int max) {
    this.max = max;
    this.lines =
        new LinkedHashMap<>(1024, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > SpanIndex.this.max;
          }
        };
  }

  @Override
  public void line(TrackedFile file, byte[] buf, int off, int len, long offset) {
    linesRead++;
    String last = null;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (buf[i] != '"') {
        continue;
      }
      int at = match(buf, i, end, OTLP);
      if (at < 0) {
        at = match(buf, i, end, FLAT);
      }
      if (at < 0 || at + 32 > end || buf[at + 32] != '"') {
        continue;
      }
      String trace = new String(buf, at, 32, StandardCharsets.ISO_8859_1);
      if (!trace.equals(last) && isHex(trace)) {
        remember(trace, file.id, offset);
        last = trace;
      }
      i = at + 32;
    }
  }

  @Override
  public void tooLong(TrackedFile file) {
    tooLong++;
  }

  private void remember(String trace, int fileId, long offset) {
    long[] at = lines.get(trace);
    if (at == null) {
      lines.put(trace, new long[] {fileId, offset});
      return;
    }
    for (int i = 0; i < at.length; i += 2) {
      if (at[i] == fileId && at[i + 1] == offset) {
        return;
      }
    }
    if (at.length < 2 * LINES_PER_TRACE) {
      long[] more = java.util.Arrays.copyOf(at, at.length + 2);
      more[at.length] = fileId;
      more[at.length + 1] = offset;
      lines.put(trace, more);
    }
  }

  /** {@code [fileId, offset, fileId, offset, ...]} of the lines with {@code traceId}, or null. */
  long[] find(String traceId) {
    return lines.get(traceId);
  }

  /** Forgets lines of files that are gone. */
  void forgetFile(int fileId) {
    Iterator<long[]> it = lines.values().iterator();
    while (it.hasNext()) {
      long[] at = it.next();
      if (at[0] == fileId && at.length == 2) {
        it.remove();
      }
    }
  }

  int size() {
    return lines.size();
  }

  long linesRead() {
    return linesRead;
  }

  long tooLong() {
    return tooLong;
  }

  private static int match(byte[] buf, int i, int end, byte[] key) {
    if (i + key.length > end) {
      return -1;
    }
    for (int k = 0; k < key.length; k++) {
      if (buf[i + k] != key[k]) {
        return -1;
      }
    }
    return i + key.length;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
