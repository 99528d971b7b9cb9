package io.reqlens.examples.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Thread dumps of a child JVM ({@code jcmd PID Thread.print}) and the one question the outage test
 * asks of them: is any thread that serves a request (Jetty or Javalin frames on its stack) inside
 * the exporting code (an exporter, its HTTP client, or the batch processor)?
 */
final class ThreadDumps {

  /**
   * Frames of the export path: the SDK's exporters, their HTTP client, the batch processor's
   * worker, Reqlens' file exporters. Not {@code BatchSpanProcessor.onEnd}: a request thread hands
   * its span over there (a non-blocking queue offer), which is the design, not a block.
   */
  private static final String[] EXPORT_FRAMES = {
    ".exporter.", "okhttp3.", "BatchSpanProcessor$Worker", "io.reqlens.exporters."
  };

  /** Frames only a thread serving an HTTP request has. */
  private static final String[] REQUEST_FRAMES = {
    "org.eclipse.jetty.server.", "io.javalin.", "io.reqlens.examples.ApiRoutes"
  };

  int dumps;
  int threadsSeen;
  int exportThreadsSeen;
  final List<String> violations = new ArrayList<>();

  private ThreadDumps() {}

  static ThreadDumps create() {
    return new ThreadDumps();
  }

  /** Takes one dump of {@code pid} and checks it. */
  void take(long pid) throws IOException, InterruptedException {
    String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p =
        new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print")
            .redirectErrorStream(true)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("jcmd failed: " + text);
    }
    dumps++;
    for (String block : text.split("\n\\s*\n")) {
      if (!block.startsWith("\"")) {
        continue;
      }
      threadsSeen++;
      boolean exporting = containsAny(block, EXPORT_FRAMES);
      if (exporting) {
        exportThreadsSeen++;
      }
      if (exporting && containsAny(block, REQUEST_FRAMES)) {
        violations.add(block);
      }
    }
  }

  private static boolean containsAny(String block, String[] needles) {
    for (String line : block.split("\n")) {
      if (!line.trim().startsWith("at ")) {
        continue;
      }
      for (String n : needles) {
        if (line.contains(n)) {
          return true;
        }
      }
    }
    return false;
  }
}
