package io.reqlens.report.internal.replay;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** What a replay read, sent, left out and skipped; printed at the end. */
final class ReplayStats {

  private static final int MAX_EXAMPLES = 3;

  int files;
  int activeSkipped;
  int unreadableFiles;
  long bytes;
  long lines;
  long spansRead;
  long spansSent;
  long batches;
  long beforeSince;
  long afterUntil;
  long otherService;
  int filesAlreadySent;
  long bytesAlreadySent;
  long badLines;
  long tornLines;
  long tooLong;
  final List<String> examples = new ArrayList<>();

  void bad(String where, String reason) {
    badLines++;
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(where + ": " + reason);
    }
  }

  /** Input problems that make the exit code 1 (a torn last line is normal, not one). */
  boolean skippedInput() {
    return unreadableFiles > 0 || badLines > 0 || tooLong > 0;
  }

  void print(PrintWriter out, boolean dryRun, String target) {
    out.println(
        "reqlens replay: "
            + (dryRun ? "would send " : "sent ")
            + spansSent
            + " span(s) in "
            + batches
            + " batch(es) "
            + (dryRun ? "(dry run, nothing sent) to " : "to ")
            + target);
    out.println(
        "  input:      "
            + files
            + " file(s), "
            + bytes
            + " bytes read, "
            + lines
            + " line(s), "
            + spansRead
            + " span(s)"
            + (activeSkipped > 0
                ? "; " + activeSkipped + " active file(s) (*.jsonl.active) skipped"
                : ""));
    out.println(
        "  left out:   "
            + beforeSince
            + " started before --since, "
            + afterUntil
            + " at or after --until, "
            + otherService
            + " of other services");
    if (filesAlreadySent > 0 || bytesAlreadySent > 0) {
      out.println(
          "  checkpoint: "
              + filesAlreadySent
              + " file(s) already sent, "
              + bytesAlreadySent
              + " bytes not read again");
    }
    if (badLines + tornLines + tooLong + unreadableFiles > 0) {
      out.println(
          "  skipped:    "
              + badLines
              + " bad line(s), "
              + tornLines
              + " torn last line(s), "
              + tooLong
              + " line(s) over "
              + (LineSource.MAX_LINE_BYTES >> 20)
              + " MiB, "
              + unreadableFiles
              + " unreadable file(s)");
      for (String e : examples) {
        out.println("              " + e);
      }
    }
  }
}
