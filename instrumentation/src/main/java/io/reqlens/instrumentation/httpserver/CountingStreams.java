package io.reqlens.instrumentation.httpserver;

import io.reqlens.instrumentation.internal.ByteCounter;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The exchange's body streams, counting bytes; everything else is delegated untouched. */
final class CountingStreams {

  private CountingStreams() {}

  static final class In extends FilterInputStream {
    private final ByteCounter count = new ByteCounter();

    In(InputStream in) {
      super(in);
    }

    long count() {
      return count.get();
    }

    @Override
    public int read() throws IOException {
      return count.readByte(in.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return count.read(in.read(b, off, len));
    }

    @Override
    public long skip(long n) throws IOException {
      return count.skipped(in.skip(n));
    }
  }

  static final class Out extends FilterOutputStream {
    private final ByteCounter count = new ByteCounter();

    Out(OutputStream out) {
      super(out);
    }

    long count() {
      return count.get();
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count.wrote(1);
    }

    // Why override? FilterOutputStream writes arrays one byte at a time.
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count.wrote(len);
    }

    // Why override? FilterOutputStream.close() adds a flush() and swallows its exception; the
    // app's close() (and HttpExchange.close(), which closes this stream) must behave as without us.
    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
