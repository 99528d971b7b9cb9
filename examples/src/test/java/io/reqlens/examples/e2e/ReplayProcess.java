package io.reqlens.examples.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar reqlens-javaagent-extension.jar ARGS...} as a user runs it; its exit code. */
final class ReplayProcess {

  final int code;
  final String output;

  private ReplayProcess(int code, String output) {
    this.code = code;
    this.output = output;
  }

  static ReplayProcess run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(ExampleService.file("reqlens.extension.jar").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("replay did not finish: " + out);
    }
    return new ReplayProcess(p.exitValue(), out);
  }
}
