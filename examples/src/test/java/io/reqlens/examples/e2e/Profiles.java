package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reading what the profiler wrote: {@code PROF} events' folded stacks (self time per frame, samples
 * under a frame sequence), where a line of the example's source is, and class histograms of the
 * service (live instances of the profiler's per-request tables).
 */
final class Profiles {

  /** What the service logs once when the context storage wrapper attributes hand-offs. */
  static final String CONTEXT_HOOK_LINE =
      "Reqlens profiler: work handed to another thread counts for the request while the"
          + " request's context is current there (context storage wrapper)";

  private Profiles() {}

  /**
   * The profile of {@code GET /api/handoff}: the worker's named method has samples, on the pool's
   * thread (its stacks do not pass through the handler), and the request's own thread has samples
   * under the handler, where it waits for the worker.
   */
  static void assertHandedOff(JsonNode prof) {
    String worker = "io.reqlens.examples.Workloads.reconcileLedger";
    String handler = "io.reqlens.examples.ApiRoutes.handoff";
    assertThat(samplesWith(prof, worker)).as("%s", prof).isPositive();
    assertThat(samplesWith(prof, handler)).as("%s", prof).isPositive();
    assertThat(stacks(prof).keySet())
        .filteredOn(stack -> (stack + ";").contains(worker + ";"))
        .as("the worker's stacks are the pool thread's")
        .allSatisfy(stack -> assertThat(stack).doesNotContain(handler));
    assertThat(prof.path("samples").asLong())
        .isEqualTo(stacks(prof).values().stream().mapToLong(Long::longValue).sum());
  }

  /** The folded stacks of a PROF event, line to count. */
  static Map<String, Long> stacks(JsonNode prof) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (JsonNode line : prof.path("stacks")) {
      String text = line.asText();
      int space = text.lastIndexOf(' ');
      out.put(text.substring(0, space), Long.parseLong(text.substring(space + 1)));
    }
    return out;
  }

  /** Self samples per frame: the innermost frame that is not a {@code [STATE]} pseudo-frame. */
  static Map<String, Long> selfFrames(JsonNode prof) {
    Map<String, Long> self = new LinkedHashMap<>();
    stacks(prof)
        .forEach(
            (stack, count) -> {
              String[] frames = stack.split(";");
              int leaf = frames.length - 1;
              while (leaf >= 0 && frames[leaf].startsWith("[")) {
                leaf--;
              }
              if (leaf >= 0) {
                self.merge(frames[leaf], count, Long::sum);
              }
            });
    return self;
  }

  /** The frame with the most self samples. */
  static String topSelfFrame(JsonNode prof) {
    return selfFrames(prof).entrySet().stream()
        .max(Comparator.comparingLong(Map.Entry::getValue))
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new AssertionError("no frames in " + prof));
  }

  /** Samples whose stack has {@code sequence} (frames joined by {@code ;}) somewhere. */
  static long samplesWith(JsonNode prof, String sequence) {
    return stacks(prof).entrySet().stream()
        .filter(e -> (e.getKey() + ";").contains(sequence + ";"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The example's {@code Database.findUser}: its first and last line in the source. */
  static int[] findUserLines() {
    List<String> lines = source("io/reqlens/examples/Database.java");
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("private static Optional<User> findUser(")) {
        for (int j = i + 1; j < lines.size(); j++) {
          if (lines.get(j).equals("  }")) {
            return new int[] {i + 1, j + 1};
          }
        }
      }
    }
    throw new AssertionError("findUser not found in Database.java");
  }

  /** The line of {@code text} within the example's {@code Database.findUser}. */
  static int findUserLineOf(String text) {
    int[] method = findUserLines();
    List<String> lines = source("io/reqlens/examples/Database.java");
    for (int i = method[0]; i < method[1]; i++) {
      if (lines.get(i - 1).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not in findUser");
  }

  private static List<String> source(String file) {
    try {
      return Files.readAllLines(Paths.get("src/main/java", file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Live instances of {@code className} in the service ({@code jcmd GC.class_histogram}). */
  static long liveInstances(long pid, String className) throws IOException, InterruptedException {
    for (String line : jcmd(pid, "GC.class_histogram")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[3].equals(className)) {
        return Long.parseLong(f[1]);
      }
    }
    return 0;
  }

  /** The threads of a {@code jcmd Thread.print} dump, one block of text each. */
  static List<String> threadDump(long pid) throws IOException, InterruptedException {
    List<String> threads = new ArrayList<>();
    StringBuilder current = null;
    for (String line : jcmd(pid, "Thread.print")) {
      if (line.startsWith("\"")) {
        if (current != null) {
          threads.add(current.toString());
        }
        current = new StringBuilder();
      }
      if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (current != null) {
      threads.add(current.toString());
    }
    return threads;
  }

  private static List<String> jcmd(long pid, String command)
      throws IOException, InterruptedException {
    String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p =
        new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("jcmd %s", command).isTrue();
    assertThat(p.exitValue()).as("jcmd %s: %s", command, text).isZero();
    return List.of(text.split("\n"));
  }
}
