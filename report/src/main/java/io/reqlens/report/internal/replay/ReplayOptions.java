package io.reqlens.report.internal.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What the command line asked for; {@code null} means "not given: use the OTEL_* default".
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReplayOptions {

  /** The OpenTelemetry SDK's batch size ({@code OTEL_BSP_MAX_EXPORT_BATCH_SIZE}) default. */
  public static final int DEFAULT_BATCH_SIZE = 512;

  public static final int DEFAULT_RETRIES = 5;

  public final List<Path> inputs = new ArrayList<>();
  public String endpoint;
  public String protocol;
  public String headers;
  public Duration timeout;
  public String compression;
  public Long sinceNs;
  public Long untilNs;

  /** The texts of --since/--until as given: part of what a checkpoint is for. */
  public String sinceText;

  public String untilText;
  public final Set<String> services = new LinkedHashSet<>();
  public int batchSize = DEFAULT_BATCH_SIZE;
  public int retries = DEFAULT_RETRIES;
  public Duration maxBackoff = Duration.ofSeconds(30);
  public Path checkpoint;
  public boolean restart;
  public boolean dryRun;
  public boolean progress = true;

  /** Where OTEL_EXPORTER_OTLP_* defaults come from (the process environment, or a test's). */
  public Map<String, String> env = System.getenv();

  public Properties systemProperties = System.getProperties();

  /** The filters a checkpoint must have been written with to be continued. */
  String filtersKey() {
    return "since="
        + (sinceText == null ? "" : sinceText)
        + ";until="
        + (untilText == null ? "" : untilText)
        + ";service="
        + String.join(",", services);
  }
}
