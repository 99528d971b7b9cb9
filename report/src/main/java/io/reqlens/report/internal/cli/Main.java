package io.reqlens.report.internal.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the extension jar: {@code java -jar reqlens-javaagent-extension.jar report
 * ...}. Only runs when invoked: nothing here is touched when the agent loads the jar.
 *
 * <p>This class is internal and is not intended for public use.
 */
@Command(
    name = "java -jar reqlens-javaagent-extension.jar",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Reqlens tools. Add this jar to the OpenTelemetry Java agent with"
            + " -Dotel.javaagent.extensions=...; run it with java -jar for the commands below.",
    subcommands = {ReportCommand.class, ReplayCommand.class, ServeCommand.class})
public final class Main implements Runnable {

  private final PrintWriter out;

  private Main(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void run() {
    // No command: show what there is.
    new CommandLine(this).usage(out);
  }

  /** Runs {@code args}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, Clock clock, String... args) {
    CommandLine cl = new CommandLine(new Main(out), new ClockFactory(clock));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          err.println("reqlens: internal error: " + ex);
          err.flush();
          return 70;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Gives {@link ReportCommand} and {@link ReplayCommand} the clock (tests fix it; relative times
   * use it).
   */
  private static final class ClockFactory implements CommandLine.IFactory {
    private final Clock clock;

    ClockFactory(Clock clock) {
      this.clock = clock;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K k = CommandLine.defaultFactory().create(cls);
      if (k instanceof ReportCommand) {
        ((ReportCommand) k).clock = clock;
      } else if (k instanceof ServeCommand) {
        ((ServeCommand) k).clock = clock;
      }
      if (k instanceof ReplayCommand) {
        ((ReplayCommand) k).clock = clock;
      }
      return k;
    }
  }
}
