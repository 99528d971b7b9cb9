package io.reqlens.instrumentation.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** Delegates every call, counting the bytes read. */
final class CountingServletInputStream extends ServletInputStream {

  private final ServletInputStream in;
  private long count; // written by the app's thread; read after the container completes

  CountingServletInputStream(ServletInputStream in) {
    this.in = in;
  }

  ServletInputStream wraps() {
    return in;
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
  public int readLine(byte[] b, int off, int len) throws IOException {
    int n = in.readLine(b, off, len);
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      count += skipped;
    }
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  @Override
  public boolean isFinished() {
    return in.isFinished();
  }

  @Override
  public boolean isReady() {
    return in.isReady();
  }

  @Override
  public void setReadListener(ReadListener readListener) {
    in.setReadListener(readListener);
  }
}
