package io.reqlens.report.internal.replay;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The exporter's {@code java.util.logging} warnings (why an export failed: connection refused, an
 * HTTP or gRPC status) as one short stderr line each instead of the JDK's two-line console format;
 * a message repeated back to back is printed once.
 */
final class ExporterLog extends Handler {

  private final PrintWriter err;
  private final Logger logger;
  private final boolean parentHandlers;
  private String last;

  private ExporterLog(PrintWriter err, Logger logger) {
    this.err = err;
    this.logger = logger;
    this.parentHandlers = logger.getUseParentHandlers();
  }

  /** Takes over the OpenTelemetry loggers (relocated or not) until {@link #close()}. */
  static ExporterLog install(PrintWriter err) {
    String n = SpanExporter.class.getName(); // io.opentelemetry.sdk…, or io.reqlens.shaded.io…
    Logger logger = Logger.getLogger(n.substring(0, n.indexOf(".sdk.")));
    ExporterLog h = new ExporterLog(err, logger);
    h.setLevel(Level.WARNING);
    logger.addHandler(h);
    logger.setUseParentHandlers(false);
    return h;
  }

  @Override
  public synchronized void publish(LogRecord r) {
    if (!isLoggable(r)) {
      return;
    }
    String msg = r.getMessage();
    if (r.getThrown() != null && (msg == null || !msg.contains(String.valueOf(r.getThrown())))) {
      msg = msg + " (" + r.getThrown() + ")";
    }
    if (msg == null || msg.equals(last)) {
      return;
    }
    last = msg;
    err.println("reqlens replay: otlp: " + msg);
    err.flush();
  }

  @Override
  public void flush() {
    err.flush();
  }

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(parentHandlers);
  }
}
