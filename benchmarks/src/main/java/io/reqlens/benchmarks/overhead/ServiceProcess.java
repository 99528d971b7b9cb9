package io.reqlens.benchmarks.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example service in its own JVM under one {@link Configuration}, with its benchmark counters
 * ({@code GET /bench/stats}) switched on. Its output goes to a log file.
 */
final class ServiceProcess implements AutoCloseable {

  static final String READY_PREFIX = "reqlens-example listening on ";
  static final String PATH = "/api/users/1";
  private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(-?\\d+)");

  /** The service's counters at one moment. */
  record Stats(
      long cpuNanos,
      long allocatedBytes,
      long requestThreadBytes,
      long exportThreadBytes,
      long gcCount,
      long gcMillis,
      long threads) {}

  private final Process process;
  private final int port;
  private final long startupNanos;
  private final HttpConnection statsConnection;

  private ServiceProcess(Process process, int port, long startupNanos) {
    this.process = process;
    this.port = port;
    this.startupNanos = startupNanos;
    this.statsConnection = new HttpConnection("127.0.0.1", port);
  }

  /**
   * Starts the service and sends its first request; the time from launching the JVM to that first
   * answer is {@link #startupMillis()}.
   */
  static ServiceProcess start(Settings s, Configuration c, String sinkEndpoint, Path log, Path jfr)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (c.mode() == Configuration.Mode.AGENT || c.mode() == Configuration.Mode.REQLENS) {
      cmd.add("-javaagent:" + s.agentJar().toAbsolutePath());
    }
    if (c.mode() == Configuration.Mode.REQLENS) {
      cmd.add("-Dotel.javaagent.extensions=" + s.extensionJar().toAbsolutePath());
    }
    cmd.addAll(s.jvmArgs());
    if (jfr != null) {
      cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr.toAbsolutePath());
    }
    cmd.add("-jar");
    cmd.add(s.exampleJar().toAbsolutePath().toString());
    if (c.mode() == Configuration.Mode.LIBRARY) {
      cmd.add("--library");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("OTEL_"));
    env.put("PORT", "0");
    env.put("REQLENS_EXAMPLE_BENCHMARK", "1");
    if (c.mode().traced()) {
      env.put("OTEL_SERVICE_NAME", "reqlens-example");
      env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      env.put("OTEL_EXPORTER_OTLP_ENDPOINT", sinkEndpoint);
      env.put("OTEL_METRIC_EXPORT_INTERVAL", "10000");
      env.put("OTEL_REQLENS_DIRECTORY", s.dataDirectory().toAbsolutePath().toString());
      env.putAll(c.env());
    }
    Files.createDirectories(log.getParent());
    long launched = System.nanoTime();
    Process process = pb.start();
    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(process, log, ready), "service-output");
    pump.setDaemon(true);
    pump.start();
    int port;
    try {
      port = ready.get(180, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException(
          "the service under '" + c.name() + "' did not start; see " + log + ": " + e, e);
    }
    ServiceProcess service;
    try (HttpConnection first = new HttpConnection("127.0.0.1", port)) {
      int status = first.get(PATH);
      service = new ServiceProcess(process, port, System.nanoTime() - launched);
      if (status != 200) {
        service.close();
        throw new IOException("first request answered " + status + " under '" + c.name() + "'");
      }
    }
    return service;
  }

  private static void pump(Process process, Path log, CompletableFuture<Integer> ready) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        if (!ready.isDone() && line.startsWith(READY_PREFIX)) {
          String url = line.substring(READY_PREFIX.length()).strip();
          ready.complete(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
          out.flush();
        }
      }
    } catch (IOException | RuntimeException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IOException("the service exited"));
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port + PATH;
  }

  double startupMillis() {
    return startupNanos / 1e6;
  }

  /** Reads {@code GET /bench/stats}. */
  Stats stats() throws IOException {
    int status = statsConnection.get("/bench/stats");
    String body = statsConnection.body();
    if (status != 200) {
      throw new IOException("GET /bench/stats answered " + status + ": " + body);
    }
    Map<String, Long> v = new java.util.HashMap<>();
    Matcher m = NUMBER.matcher(body);
    while (m.find()) {
      v.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return new Stats(
        v.get("cpu_ns"),
        v.get("allocated_bytes"),
        v.get("allocated_request_threads"),
        v.get("allocated_export_threads"),
        v.get("gc_count"),
        v.get("gc_ms"),
        v.get("threads"));
  }

  /** SIGTERM (the agent flushes and a JFR recording is written), SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    statsConnection.close();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
