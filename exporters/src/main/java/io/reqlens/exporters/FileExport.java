package io.reqlens.exporters;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.core.log.ThrottledLogger;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * What both file exporters do with a batch: encode it into a reused buffer, hand the lines to the
 * {@link RotatingFileWriter}, and turn any problem into a counted, throttled-logged failure result
 * instead of an exception. Runs on the thread that calls {@code export} (the BatchSpanProcessor's
 * worker), never on the app's threads.
 */
final class FileExport {

  private static final Logger LOGGER = Logger.getLogger(FileExport.class.getName());

  private final SpanEncoder encoder;
  private final RotatingFileWriter writer;
  private final ThrottledLogger log;
  private final JsonWriter out = new JsonWriter();
  private final AtomicLong droppedSpans = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private boolean shutdown;

  FileExport(SpanEncoder encoder, FileSettings settings, String prefix) {
    this.encoder = encoder;
    this.writer = settings.newWriter(prefix);
    this.log = new ThrottledLogger(LOGGER, settings.clock);
  }

  synchronized CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown) {
      return CompletableResultCode.ofFailure();
    }
    try {
      out.reset();
      int dropped = encoder.encode(spans, out);
      if (dropped > 0) {
        droppedSpans.addAndGet(dropped);
        log.warn("Reqlens: " + dropped + " spans could not be encoded and were dropped", null);
      }
      return write() ? CompletableResultCode.ofSuccess() : failed();
    } catch (RuntimeException e) {
      log.warn("Reqlens: export failed", e);
      return failed();
    }
  }

  /** Writes lines held back by the encoder ({@code all} at shutdown). */
  synchronized boolean flushPending(boolean all) {
    if (shutdown) {
      return true;
    }
    out.reset();
    encoder.flushPending(out, all);
    return write();
  }

  synchronized CompletableResultCode shutdown() {
    if (shutdown) {
      return CompletableResultCode.ofSuccess(); // a second call is harmless
    }
    boolean ok;
    try {
      ok = flushPending(true);
    } catch (RuntimeException e) {
      log.warn("Reqlens: flushing at shutdown failed", e);
      ok = false;
    }
    shutdown = true;
    writer.close();
    return ok ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
  }

  private boolean write() {
    return out.lineCount() == 0 || writer.write(out.buffer(), out.lineEnds(), out.lineCount());
  }

  private CompletableResultCode failed() {
    failedBatches.incrementAndGet();
    return CompletableResultCode.ofFailure();
  }

  long droppedSpans() {
    return droppedSpans.get();
  }

  long failedBatches() {
    return failedBatches.get();
  }

  RotatingFileWriter writer() {
    return writer;
  }
}
