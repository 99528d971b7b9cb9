package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.List;

/** Copies what the report shows of a {@link Request} into rows. */
final class Rows {

  /** Frames of a traceback shown with an error. */
  static final int FRAMES = 5;

  /** Longest exception message kept. */
  static final int MESSAGE_CHARS = 300;

  private Rows() {}

  static <T extends ReportData.RequestRow> T request(Request r, T row) {
    row.tsNs = r.tsNs;
    row.traceId = r.traceId;
    row.spanId = r.spanId;
    row.service = r.service;
    row.method = r.method;
    row.route = r.route;
    row.path = r.path;
    row.status = r.status;
    row.durNs = r.durNs;
    row.queries = r.queries();
    row.dbNs = r.dbNs();
    return row;
  }

  static ReportData.ErrorRow error(Request r) {
    ReportData.ErrorRow row = request(r, new ReportData.ErrorRow());
    if (!r.failures().isEmpty()) {
      Request.Failure f = r.failures().get(0);
      row.exceptionType = f.type;
      row.exceptionMessage = cut(f.message, MESSAGE_CHARS);
      row.frames = frames(f.traceback);
    } else {
      row.frames = List.of();
    }
    return row;
  }

  /** The first {@link #FRAMES} stack frames ("at ..." lines), or the first lines otherwise. */
  static List<String> frames(String traceback) {
    List<String> out = new ArrayList<>();
    if (traceback == null) {
      return out;
    }
    List<String> other = new ArrayList<>();
    for (String line : traceback.split("\r?\n", 64)) {
      String t = line.trim();
      if (t.startsWith("at ")) {
        out.add(cut(t, 160));
        if (out.size() == FRAMES) {
          break;
        }
      } else if (!t.isEmpty() && other.size() < FRAMES) {
        other.add(cut(t, 160));
      }
    }
    return out.isEmpty() ? other : out;
  }

  static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max - 1) + "…";
  }
}
