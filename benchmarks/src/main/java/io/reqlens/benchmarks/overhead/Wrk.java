package io.reqlens.benchmarks.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (closed loop: each connection sends its next request when the previous answer
 * arrives, so it finds the service's maximum throughput) and reads its summary. Why wrk for the
 * closed loop? It is a small C program: at maximum throughput the generator takes a large share of
 * two cores, and wrk's share is smaller than any JVM generator's.
 */
final class Wrk {

  /** What one run reported. */
  record Result(long requests, long errors, double seconds, double p50Micros, double p99Micros) {
    double throughput() {
      return requests / seconds;
    }
  }

  private static final Pattern DONE = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m),");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private Wrk() {}

  /** Whether {@code wrk} is on the PATH. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(10, TimeUnit.SECONDS);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Result run(String url, int connections, Duration duration)
      throws IOException, InterruptedException {
    List<String> cmd =
        List.of(
            "wrk",
            "-t1",
            "-c" + connections,
            "-d" + duration.toSeconds() + "s",
            "--timeout",
            "10s",
            "--latency",
            url);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("wrk failed: " + cmd + "\n" + out);
    }
    return parse(out);
  }

  static Result parse(String out) throws IOException {
    Matcher done = DONE.matcher(out);
    if (!done.find()) {
      throw new IOException("cannot read wrk's summary:\n" + out);
    }
    long requests = Long.parseLong(done.group(1));
    double seconds = micros(done.group(2), done.group(3)) / 1e6;
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = ERRORS.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return new Result(requests, errors, seconds, percentile(out, "50"), percentile(out, "99"));
  }

  private static double percentile(String out, String p) throws IOException {
    Matcher m = Pattern.compile("\\n\\s+" + p + "%\\s+([0-9.]+)(us|ms|s|m)").matcher(out);
    if (!m.find()) {
      throw new IOException("no " + p + "% latency in wrk's output:\n" + out);
    }
    return micros(m.group(1), m.group(2));
  }

  private static double micros(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "us" -> v;
      case "ms" -> v * 1e3;
      case "s" -> v * 1e6;
      default -> v * 60e6; // "m"
    };
  }
}
