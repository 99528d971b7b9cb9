package io.reqlens.examples.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The example service running in its own JVM, usually under the OpenTelemetry Java agent with the
 * Reqlens extension. Built by {@link ChildServiceBuilder}; {@link #close()} stops it.
 *
 * <p>Its stdout and stderr (the agent logs there) are copied line by line to a file and kept in
 * memory, so a failing test or demo can show exactly what the child said.
 */
public final class ChildService implements AutoCloseable {

  /** How long {@link #close()} waits after SIGTERM before SIGKILL: {@value} s. */
  static final int STOP_GRACE_SECONDS = 30;

  private final Process process;
  private final ChildOutput output;
  private final String baseUrl;

  private ChildService(Process process, ChildOutput output, String baseUrl) {
    this.process = process;
    this.output = output;
    this.baseUrl = baseUrl;
  }

  /** Starts describing a child that runs {@code exampleJar} with {@code java -jar}. */
  public static ChildServiceBuilder builder(Path exampleJar) {
    return new ChildServiceBuilder(exampleJar);
  }

  /**
   * Starts the process and waits for its readiness line.
   *
   * @throws IllegalStateException when the child exits or is not ready in time; the message holds
   *     the child's full output
   */
  static ChildService start(ProcessBuilder pb, Path outputFile, String readyPrefix, Duration wait) {
    ChildOutput output;
    try {
      output = new ChildOutput(outputFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outputFile, e);
    }
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      output.close();
      throw new UncheckedIOException("cannot start " + pb.command(), e);
    }
    CompletableFuture<String> ready = new CompletableFuture<>();
    output.pump(
        process.getInputStream(),
        "stdout",
        line -> {
          if (line.startsWith(readyPrefix)) {
            ready.complete(line.substring(readyPrefix.length()).trim());
          }
        });
    output.pump(process.getErrorStream(), "stderr", line -> {});
    process
        .onExit()
        .thenRun(
            () ->
                ready.completeExceptionally(
                    new IllegalStateException("exited with code " + process.exitValue())));
    try {
      return new ChildService(process, output, ready.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(process, output);
      throw new IllegalStateException("interrupted while waiting for the service", e);
    } catch (ExecutionException | TimeoutException e) {
      stop(process, output);
      String why =
          e instanceof TimeoutException ? "not ready after " + wait : e.getCause().getMessage();
      throw new IllegalStateException(
          "The example service did not start ("
              + why
              + "); command: "
              + pb.command()
              + "\n--- its output ("
              + outputFile
              + ") ---\n"
              + output.text());
    }
  }

  /** The service's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Everything the child wrote to stdout and stderr so far. */
  public String output() {
    return output.text();
  }

  /** The child's process id (for {@code jcmd}). */
  public long pid() {
    return process.pid();
  }

  /** Whether the child is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Stops the child: SIGTERM, so the agent (or library mode's SDK) flushes its exporters and closes
   * its files; SIGKILL only after {@value #STOP_GRACE_SECONDS} s. Generous, since tests check what
   * the flush wrote, and a JVM shutting down on a loaded machine can take several seconds; a
   * healthy child exits well before.
   */
  @Override
  public void close() {
    stop(process, output);
  }

  private static void stop(Process process, ChildOutput output) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    output.close();
  }
}
