package io.reqlens.report.internal.serve;

import io.reqlens.report.internal.input.LineReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads what was appended to a file since the last read, as whole lines: the bytes after the last
 * newline (a line still being written) are left for the next read. Only reads; never writes,
 * truncates or deletes.
 */
final class FileTail {

  private static final int CHUNK = 1 << 20;

  private byte[] buf = new byte[CHUNK];

  /**
   * Reads from {@code f.offset} up to {@code size} (at most {@code budget} bytes), hands every
   * complete line to {@code handler} and moves {@code f.offset} past the last one. Returns the
   * bytes consumed.
   */
  long read(TrackedFile f, long size, long budget, LineHandler handler) throws IOException {
    long consumed = 0;
    try (FileChannel ch = FileChannel.open(f.path, StandardOpenOption.READ)) {
      long pos = f.offset;
      int start = 0;
      int end = 0;
      long bufStartPos = pos;
      while (pos < size && consumed < budget) {
        if (end == buf.length) {
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            bufStartPos += start;
            start = 0;
          } else if (buf.length < LineReader.MAX_LINE_BYTES) {
            byte[] bigger = new byte[Math.min(LineReader.MAX_LINE_BYTES, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, end);
            buf = bigger;
          } else {
            // Longer than any event: skip to the next newline.
            if (!f.skipping) {
              handler.tooLong(f);
              f.skipping = true;
            }
            bufStartPos += end;
            f.offset = bufStartPos;
            consumed += end;
            end = 0;
          }
        }
        int n = ch.read(ByteBuffer.wrap(buf, end, buf.length - end), pos);
        if (n <= 0) {
          break;
        }
        pos += n;
        int scanFrom = end;
        end += n;
        for (int i = scanFrom; i < end; i++) {
          if (buf[i] == '\n') {
            long lineOffset = bufStartPos + start;
            if (f.skipping) {
              f.skipping = false;
            } else {
              int len = i - start;
              if (len > 0 && buf[i - 1] == '\r') {
                len--;
              }
              f.lineNo++;
              handler.line(f, buf, start, len, lineOffset);
            }
            consumed += i + 1 - start;
            start = i + 1;
            f.offset = bufStartPos + start;
          }
        }
        if (start == end) {
          bufStartPos += start;
          start = 0;
          end = 0;
        }
      }
    }
    if (buf.length > CHUNK) {
      buf = new byte[CHUNK]; // a long line was read: do not keep 8 MiB for the rest of the run
    }
    return consumed;
  }
}
