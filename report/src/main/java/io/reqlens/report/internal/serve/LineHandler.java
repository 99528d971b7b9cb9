package io.reqlens.report.internal.serve;

/** Receives the complete lines of a followed file with their byte offsets. */
interface LineHandler {

  /** One line without its newline (and without a trailing CR), starting at {@code offset}. */
  void line(TrackedFile file, byte[] buf, int off, int len, long offset);

  /** A line longer than the reader accepts, skipped. */
  void tooLong(TrackedFile file);
}
