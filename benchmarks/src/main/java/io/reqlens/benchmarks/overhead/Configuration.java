package io.reqlens.benchmarks.overhead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code overhead-configurations.txt}: how the example service runs and what it is
 * compared with. Why a data file? Each new feature (the profiler, say) is measured by adding one
 * line, without touching the harness.
 *
 * @param name shown in the table
 * @param baseline the configuration each figure is compared with, or {@code null}
 * @param mode how the service is started
 * @param env the service's environment variables beyond the harness's common ones
 */
record Configuration(String name, String baseline, Mode mode, Map<String, String> env) {

  /** How the service JVM is started. */
  enum Mode {
    /** {@code java -jar reqlens-example.jar}: no tracing at all. */
    NONE,
    /** Under the OpenTelemetry Java agent alone. */
    AGENT,
    /** Under the agent with the Reqlens extension. */
    REQLENS,
    /** {@code --library}: the SDK and the Reqlens library instrumentation, no agent. */
    LIBRARY;

    boolean traced() {
      return this != NONE;
    }
  }

  /** Reads the configurations of {@code file}, in order. */
  static List<Configuration> read(Path file) throws IOException {
    List<Configuration> out = new ArrayList<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      try {
        out.add(parse(trimmed, out));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + ":" + lineNumber + ": " + e.getMessage() + " in '" + trimmed + "'", e);
      }
    }
    for (Configuration c : out) {
      if (c.baseline != null && out.stream().noneMatch(o -> o.name.equals(c.baseline))) {
        throw new IllegalArgumentException(
            file
                + ": configuration '"
                + c.name
                + "' names an unknown baseline '"
                + c.baseline
                + "'");
      }
    }
    return out;
  }

  private static Configuration parse(String line, List<Configuration> before) {
    String[] columns = line.split("\\s+\\|\\s+");
    if (columns.length < 3) {
      throw new IllegalArgumentException("expected 'name | baseline | mode [| settings]'");
    }
    String name = columns[0].strip();
    String baseline = columns[1].strip().equals("-") ? null : columns[1].strip();
    Mode mode;
    try {
      mode = Mode.valueOf(columns[2].strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown mode '" + columns[2].strip() + "'; accepted: none, agent, reqlens, library");
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (int i = 3; i < columns.length; i++) {
      String setting = columns[i].strip();
      if (setting.startsWith("+")) {
        String other = setting.substring(1);
        Configuration from =
            before.stream()
                .filter(c -> c.name.equals(other))
                .findFirst()
                .orElseThrow(
                    () -> new IllegalArgumentException("'" + setting + "' names no line above"));
        env.putAll(from.env);
        continue;
      }
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("setting '" + setting + "' is not KEY=VALUE or +NAME");
      }
      env.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
    }
    return new Configuration(name, baseline, mode, Map.copyOf(env));
  }
}
