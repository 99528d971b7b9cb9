package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.analysis.Analysis;
import io.reqlens.report.internal.analysis.AnalysisOptions;
import io.reqlens.report.internal.analysis.ReportData;
import io.reqlens.report.internal.analysis.RequestAssembler;
import io.reqlens.report.internal.input.EventParser;
import io.reqlens.report.internal.input.EventReader;
import io.reqlens.report.internal.input.InputFiles;
import io.reqlens.report.internal.input.InputStats;
import io.reqlens.report.internal.render.HtmlRenderer;
import io.reqlens.report.internal.render.JsonRenderer;
import io.reqlens.report.internal.render.TerminalRenderer;
import io.reqlens.report.internal.render.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lists, reads, analyses and renders: one run of {@code report}. */
final class ReportRun {

  static final int OK = 0;
  static final int SKIPPED_INPUT = 1;

  /** Picocli's own code for invalid input. */
  static final int USAGE = 2;

  static final int NOTHING = 3;
  static final int OUTPUT_FAILED = 4;

  /** Inputs at least this large get a progress bar (when on a terminal). */
  static final long PROGRESS_BYTES = 64L << 20;

  private final ReportCommand cmd;
  private final AnalysisOptions options;
  private final PrintWriter out;
  private final PrintWriter err;

  ReportRun(ReportCommand cmd, AnalysisOptions options, PrintWriter out, PrintWriter err) {
    this.cmd = cmd;
    this.options = options;
    this.out = out;
    this.err = err;
  }

  int run() {
    InputFiles.Listing listing = InputFiles.list(cmd.inputs);
    for (String p : listing.problems) {
      err.println("reqlens report: " + TerminalText.escape(p)); // file names are data too
    }
    if (listing.files.isEmpty()) {
      err.println("reqlens report: nothing to report: no event files to read");
      err.flush();
      return NOTHING;
    }
    Analysis analysis = new Analysis(options);
    RequestAssembler assembler = new RequestAssembler(analysis);
    EventReader reader = new EventReader();
    TerminalProgress progress = showProgress(listing) ? new TerminalProgress(err) : null;
    reader.read(listing.files, assembler, progress == null ? EventReader.Progress.NONE : progress);
    assembler.finish();
    if (progress != null) {
      progress.done();
    }
    ReportData d = analysis.result(reader.stats(), assembler);
    warn(reader.stats());
    if (d.totals.requests == 0) {
      err.println(
          "reqlens report: nothing to report: "
              + (reader.stats().events() == 0
                  ? "no valid events in the input"
                  : "no request matched the filters (" + analysis.filteredOut() + " left out)"));
    }
    if (cmd.json) {
      try {
        JsonRenderer.render(d, out, true);
        out.println();
      } catch (IOException e) {
        err.println("reqlens report: cannot write JSON: " + e.getMessage());
        return OUTPUT_FAILED;
      }
    } else {
      TerminalRenderer.render(d, out);
    }
    out.flush();
    if (cmd.html != null) {
      try {
        HtmlRenderer.write(d, cmd.html);
      } catch (IOException e) {
        err.println("reqlens report: cannot write the HTML report " + cmd.html + ": " + e);
        err.flush();
        return OUTPUT_FAILED;
      }
      (cmd.json ? err : out).println("HTML report: " + cmd.html.toAbsolutePath());
    }
    out.flush();
    err.flush();
    if (d.totals.requests == 0) {
      return NOTHING;
    }
    return reader.stats().problems() > 0 || !listing.problems.isEmpty() ? SKIPPED_INPUT : OK;
  }

  private boolean showProgress(InputFiles.Listing listing) {
    if (cmd.noProgress || System.console() == null) {
      return false;
    }
    long total = 0;
    for (Path f : listing.files) {
      try {
        total += Files.size(f);
      } catch (IOException e) {
        // The reader reports it.
      }
    }
    return total >= PROGRESS_BYTES;
  }

  private void warn(InputStats s) {
    for (InputStats.Skip k : InputStats.Skip.values()) {
      long n = s.skipped(k);
      if (n == 0 || k == InputStats.Skip.TORN) {
        continue;
      }
      String extra =
          k == InputStats.Skip.FUTURE_VERSION
              ? " (written by a newer reqlens: this one reads schema version "
                  + EventParser.SCHEMA_VERSION
                  + ", saw "
                  + s.maxVersionSeen
                  + "; upgrade reqlens)"
              : "";
      err.println("reqlens report: skipped " + n + " " + k.description + extra);
    }
    for (String e : s.examples()) {
      err.println("  " + TerminalText.escape(e));
    }
  }
}
