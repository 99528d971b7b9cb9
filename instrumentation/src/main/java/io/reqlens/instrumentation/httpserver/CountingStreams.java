package io.reqlens.instrumentation.httpserver;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The exchange's body streams, counting bytes; everything else is delegated untouched. */
final class CountingStreams {

  private CountingStreams() {}

  static final class In extends FilterInputStream {
    private long count;

    In(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      count += Math.max(0, skipped);
      return skipped;
    }
  }

  static final class Out extends FilterOutputStream {
    private long count;

    Out(OutputStream out) {
      super(out);
    }

    long count() {
      return count;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    // Why override? FilterOutputStream writes arrays one byte at a time.
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    // Why override? FilterOutputStream.close() adds a flush() and swallows its exception; the
    // app's close() (and HttpExchange.close(), which closes this stream) must behave as without us.
    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
