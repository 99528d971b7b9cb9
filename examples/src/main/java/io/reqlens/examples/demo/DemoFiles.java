package io.reqlens.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files the demo's service writes ({@code spans-*} by the {@code jsonl} exporter, {@code
 * events-*} by {@code req}) and the report it ends with ({@code java -jar <extension> report}, the
 * command a user runs).
 */
final class DemoFiles {

  static final String REPORT_HTML = "report.html";

  /**
   * The report's confidence level in the demo: its ESTIMATES section is compared with the "sent"
   * column by eye, route by route; the demo samples five routes, so at 99 % all five are covered in
   * about 95 % of runs (at the default 95 %, in about 77 %; the error and POST routes are exact).
   */
  static final String CONFIDENCE = "99";

  private final Path dir;
  private final PrintStream out;

  DemoFiles(Path dir, PrintStream out) {
    this.dir = dir;
    this.out = out;
  }

  /**
   * Removes what an earlier demo run wrote (only exporter files and the report), so the report
   * covers this run's traffic alone.
   */
  void clearPreviousRun() {
    List<Path> old = list().stream().filter(DemoFiles::ours).collect(Collectors.toList());
    for (Path f : old) {
      try {
        Files.delete(f);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + f + " of a previous demo run", e);
      }
    }
    if (!old.isEmpty()) {
      out.printf("Removed %d file(s) of a previous demo run from %s%n", old.size(), dir);
    }
  }

  void printListing() {
    out.println();
    out.printf("Files written by the jsonl and req exporters in %s:%n", dir);
    for (Path f : list()) {
      try {
        out.printf("  %-60s %,10d bytes%n", f.getFileName(), Files.size(f));
      } catch (IOException e) {
        out.printf("  %s (%s)%n", f.getFileName(), e.getMessage());
      }
    }
    out.println(
        "spans-*: one OTLP/JSON request per line (the Collector's otlp_json_file receiver reads it);");
    out.println(
        "events-*: REQ, REQ_META, DB, FN and PROF request events, one JSON object per line.");
  }

  /** Runs the report on the files, printing the command first; returns its exit code. */
  int runReport(Path extensionJar) throws IOException, InterruptedException {
    Path html = dir.resolve(REPORT_HTML);
    List<String> command =
        List.of(
            javaBinary(),
            "-jar",
            extensionJar.toString(),
            "report",
            "--no-progress",
            "--confidence",
            CONFIDENCE,
            "--html",
            html.toString(),
            dir.toString());
    out.println();
    out.println(
        "$ java -jar "
            + extensionJar
            + " report --confidence "
            + CONFIDENCE
            + " --html "
            + html
            + " "
            + dir);
    out.flush();
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    p.getInputStream().transferTo(out); // through the demo's stream, so tests see it too
    return p.waitFor();
  }

  private List<Path> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean ours(Path f) {
    String name = f.getFileName().toString();
    return name.equals(REPORT_HTML)
        || ((name.startsWith("spans-") || name.startsWith("events-"))
            && (name.endsWith(".jsonl") || name.endsWith(".jsonl.active")));
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
