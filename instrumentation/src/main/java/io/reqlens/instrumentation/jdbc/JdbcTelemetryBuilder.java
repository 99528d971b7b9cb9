package io.reqlens.instrumentation.jdbc;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.instrumenter.SpanKindExtractor;
import io.reqlens.instrumentation.internal.InstrumentationSupport;

/** Builds a {@link JdbcTelemetry}. */
public final class JdbcTelemetryBuilder {

  /** The instrumentation scope name of the JDBC spans: {@value}. */
  public static final String INSTRUMENTATION_NAME = "io.reqlens.instrumentation.jdbc";

  /** Whether {@code db.query.text} (sanitized) is recorded by default: {@value}. */
  public static final boolean DEFAULT_CAPTURE_QUERY_TEXT = true;

  private final OpenTelemetry openTelemetry;
  private boolean captureQueryText = DEFAULT_CAPTURE_QUERY_TEXT;

  JdbcTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /**
   * Whether to record {@code db.query.text}. It is always sanitized (every literal replaced by
   * {@code ?}, comments removed, prepared statements included); turn it off when even the shape of
   * the statements must not leave the process.
   */
  public JdbcTelemetryBuilder setCaptureQueryText(boolean captureQueryText) {
    this.captureQueryText = captureQueryText;
    return this;
  }

  public JdbcTelemetry build() {
    Instrumenter<DbRequest, Long> instrumenter =
        Instrumenter.<DbRequest, Long>builder(
                openTelemetry, INSTRUMENTATION_NAME, DbRequest::spanName)
            .setInstrumentationVersion(InstrumentationSupport.version())
            .addAttributesExtractor(new DbAttributesExtractor(captureQueryText))
            .buildInstrumenter(SpanKindExtractor.alwaysClient());
    return new JdbcTelemetry(new JdbcInstrumentation(instrumenter));
  }
}
