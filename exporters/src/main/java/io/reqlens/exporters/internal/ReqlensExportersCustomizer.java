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
 *   <li>{@value #HTTP_SERVER_EXPERIMENTAL_TELEMETRY}{@code =true} makes the Java agent's HTTP
 *       server instrumentation record {@code http.request.body.size} and {@code
 *       http.response.body.size} on server spans ({@code bytes_in}, {@code bytes_out}). Properties
 *       suppliers rank below system properties and environment variables, so {@code
 *       OTEL_INSTRUMENTATION_HTTP_SERVER_EMIT_EXPERIMENTAL_TELEMETRY=false} wins.
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

  /** The defaults added, for the README and tests. */
  public static Map<String, String> defaults() {
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
    customizer.addPropertiesSupplier(ReqlensExportersCustomizer::defaults);
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
