package io.reqlens.report;

import io.reqlens.report.internal.cli.Main;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Entry points of {@code reqlens report}, the request-profile report over event files (and, from
 * the command line, of {@code reqlens serve}, the live dashboard: {@code java -jar
 * reqlens-javaagent-extension.jar serve DIR}).
 *
 * <p>From a shell: {@code java -jar reqlens-javaagent-extension.jar report [options] DIR|FILE...}
 * (this class is the jar's {@code Main-Class}). From Java, for a demo or a test: {@code
 * ReqlensReport.report("--html", "report.html", "reqlens-data")} prints the report to {@code
 * System.out} and returns the exit code instead of exiting. Output is UTF-8.
 *
 * <p>Exit codes: 0 report printed; 1 printed but some input was skipped; 2 usage error; 3 nothing
 * to report; 4 the HTML file could not be written; 70 internal error.
 */
public final class ReqlensReport {

  private ReqlensReport() {}

  /** The jar's command line: {@code report ...}, {@code --help}, {@code --version}; exits. */
  public static void main(String... args) {
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs {@code report} with {@code args} (the options and inputs, without the word "report"),
   * printing to {@code System.out}/{@code System.err}; returns the exit code.
   */
  public static int report(String... args) {
    return report(System.out, System.err, args);
  }

  /** Like {@link #report(String...)} with the given streams. */
  public static int report(PrintStream out, PrintStream err, String... args) {
    return report(out, err, Clock.systemUTC(), args);
  }

  /** Like {@link #report(String...)} with the given streams and clock ("now" for --since 15m). */
  public static int report(PrintStream out, PrintStream err, Clock clock, String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "report";
    System.arraycopy(args, 0, full, 1, args.length);
    return run(out, err, clock, full);
  }

  private static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, Clock.systemUTC(), args);
  }

  private static int run(PrintStream out, PrintStream err, Clock clock, String... args) {
    return Main.run(utf8(out), utf8(err), clock, args);
  }

  private static PrintWriter utf8(PrintStream s) {
    // Always UTF-8: the report uses µ and block characters, and a C locale would print '?'.
    return new PrintWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8), false);
  }
}
