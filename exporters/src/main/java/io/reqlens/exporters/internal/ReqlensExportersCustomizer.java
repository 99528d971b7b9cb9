package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.JsonlSpanExporter;
import io.reqlens.exporters.ReqEventExporter;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Defaults the file exporters need, each overridable by the user's own setting:
 *
 * <ul>
 *   <li>{@value #HTTP_SERVER_EXPERIMENTAL_TELEMETRY}{@code =true} when {@code otel.traces.exporter}
 *       names {@code req}: the Java agent's HTTP server instrumentation then records {@code
 *       http.request.body.size} and {@code http.response.body.size} on server spans, which become
 *       {@code bytes_in} and {@code bytes_out} of {@code REQ} events. Why only with {@code req}?
 *       The same flag also makes the agent keep an up-down counter of active requests and two
 *       body-size histograms for every request: the overhead harness measured about 2 KB more
 *       allocated per request with it (benchmarks/README.md), for data nothing but the {@code req}
 *       events needs. A value the user set (system property or environment variable) is left as it
 *       is.
 *   <li>Files only: when {@code otel.traces.exporter} names {@code jsonl} or {@code req} and
 *       nothing that sends over the network (only {@value #FILE_LIKE}), an unset {@code
 *       otel.metrics.exporter} and {@code otel.logs.exporter} become {@code none}. Why? Their SDK
 *       default is {@code otlp}: with no Collector listening, a files-only app logs "Failed to
 *       export … Failed to connect to localhost:4317" every minute, and without the OTLP exporter
 *       on the class path it does not start at all. Set either key to have them exported anyway.
 *   <li>With {@code jsonl} or {@code req} beside a network exporter ({@code otlp,jsonl}), the
 *       network exporter runs behind its own queue ({@link #decouple}), so a backend that is down
 *       never holds back the files.
 * </ul>
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqlensExportersCustomizer implements AutoConfigurationCustomizerProvider {

  /** The SDK's {@code OTEL_BSP_MAX_QUEUE_SIZE} default. */
  static final int DEFAULT_QUEUE_SPANS = 2048;

  static final String HTTP_SERVER_EXPERIMENTAL_TELEMETRY =
      "otel.instrumentation.http.server.emit-experimental-telemetry";
  static final String TRACES_EXPORTER = "otel.traces.exporter";
  static final String METRICS_EXPORTER = "otel.metrics.exporter";
  static final String LOGS_EXPORTER = "otel.logs.exporter";

  /** Trace exporters that keep data on this machine. */
  static final String FILE_LIKE = "jsonl, req, console";

  private static final Set<String> LOCAL = new HashSet<>(Arrays.asList("jsonl", "req", "console"));

  /**
   * {@value #HTTP_SERVER_EXPERIMENTAL_TELEMETRY}{@code =true} when the {@code req} exporter is
   * configured and the user did not set the key, else nothing.
   */
  static Map<String, String> bodySizeDefaults(ConfigProperties config) {
    if (!config.getList(TRACES_EXPORTER).contains("req")
        || config.getString(HTTP_SERVER_EXPERIMENTAL_TELEMETRY) != null) {
      return Collections.emptyMap();
    }
    return Collections.singletonMap(HTTP_SERVER_EXPERIMENTAL_TELEMETRY, "true");
  }

  /** {@code none} for the unset metrics and logs exporters of a files-only setup, else nothing. */
  static Map<String, String> filesOnlyDefaults(ConfigProperties config) {
    List<String> traces = config.getList(TRACES_EXPORTER);
    boolean files = traces.contains("jsonl") || traces.contains("req");
    if (!files || !LOCAL.containsAll(traces)) {
      return Collections.emptyMap();
    }
    Map<String, String> none = new HashMap<>();
    for (String key : Arrays.asList(METRICS_EXPORTER, LOGS_EXPORTER)) {
      if (config.getString(key) == null) {
        none.put(key, "none");
      }
    }
    return none;
  }

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addPropertiesCustomizer(ReqlensExportersCustomizer::bodySizeDefaults);
    customizer.addPropertiesCustomizer(ReqlensExportersCustomizer::filesOnlyDefaults);
    customizer.addSpanExporterCustomizer(ReqlensExportersCustomizer::decouple);
  }

  /**
   * With a Reqlens file exporter configured beside others ({@code otlp,jsonl}), runs each of the
   * others behind its own queue ({@link DecoupledSpanExporter}), so a backend that is down never
   * holds back the files. Console/logging exporters are left as they are.
   */
  static SpanExporter decouple(SpanExporter exporter, ConfigProperties config) {
    List<String> names = config.getList(TRACES_EXPORTER, List.of("otlp"));
    boolean files = names.contains("jsonl") || names.contains("req");
    String type = exporter.getClass().getName();
    if (!files
        || names.size() < 2
        || exporter instanceof JsonlSpanExporter
        || exporter instanceof ReqEventExporter
        || type.contains("Logging")) {
      return exporter;
    }
    int queue = config.getInt("otel.bsp.max.queue.size", DEFAULT_QUEUE_SPANS);
    return new DecoupledSpanExporter(exporter, Math.max(1, queue), Clock.getDefault());
  }
}
