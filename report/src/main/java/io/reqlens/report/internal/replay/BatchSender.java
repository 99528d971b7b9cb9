package io.reqlens.report.internal.replay;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends one batch until the endpoint accepts it or the retries are spent: after a failed export
 * (the exporter has already retried what OTLP calls retryable), waits 1 s, 2 s, 4 s, … up to the
 * maximum backoff, and tries again.
 */
final class BatchSender {

  /** Sleeps; tests replace it to drive time. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  private final SpanExporter exporter;
  private final int retries;
  private final Duration maxBackoff;
  private final Duration joinTimeout;
  private final Sleeper sleeper;
  private final PrintWriter err;
  long exports;
  long failedExports;

  BatchSender(
      SpanExporter exporter,
      int retries,
      Duration maxBackoff,
      Duration exportTimeout,
      Sleeper sleeper,
      PrintWriter err) {
    this.exporter = exporter;
    this.retries = retries;
    this.maxBackoff = maxBackoff;
    // The exporter's own retries (5 attempts) each bounded by its timeout, plus their backoff.
    this.joinTimeout = exportTimeout.multipliedBy(6).plusSeconds(30);
    this.sleeper = sleeper;
    this.err = err;
  }

  /** True when the batch was accepted; false when every attempt failed. */
  boolean send(List<SpanData> batch) throws InterruptedException {
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 0; ; attempt++) {
      exports++;
      CompletableResultCode r = exporter.export(batch);
      r.join(joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (r.isSuccess()) {
        return true;
      }
      failedExports++;
      String reason = reason(r.getFailureThrowable());
      if (attempt >= retries) {
        err.println(
            "reqlens replay: export of "
                + batch.size()
                + " spans failed "
                + (attempt + 1)
                + " time(s): "
                + reason);
        err.flush();
        return false;
      }
      err.println(
          "reqlens replay: export of "
              + batch.size()
              + " spans failed ("
              + reason
              + "); retry "
              + (attempt + 1)
              + "/"
              + retries
              + " in "
              + backoff.toMillis() / 1000.0
              + " s");
      err.flush();
      sleeper.sleep(backoff);
      backoff = backoff.multipliedBy(2);
      if (backoff.compareTo(maxBackoff) > 0) {
        backoff = maxBackoff;
      }
    }
  }

  /** The innermost cause: "java.net.ConnectException: Failed to connect to …". */
  private static String reason(Throwable t) {
    if (t == null) {
      return "the exporter reported a failure (see above)";
    }
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }

  void shutdown() {
    exporter.shutdown().join(10, TimeUnit.SECONDS);
  }
}
