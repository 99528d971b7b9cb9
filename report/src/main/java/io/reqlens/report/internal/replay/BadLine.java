package io.reqlens.report.internal.replay;

/** A line (or a span in it) that cannot be replayed: counted and skipped, never fatal. */
final class BadLine extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadLine(String reason) {
    super(reason, null, false, false);
  }
}
