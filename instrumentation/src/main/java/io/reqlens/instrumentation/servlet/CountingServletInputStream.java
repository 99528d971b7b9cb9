package io.reqlens.instrumentation.servlet;

import io.reqlens.instrumentation.internal.ByteCounter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** Delegates every call, counting the bytes read. */
final class CountingServletInputStream extends ServletInputStream {

  private final ServletInputStream in;
  // written by the app's thread; read after the container completes
  private final ByteCounter count = new ByteCounter();

  CountingServletInputStream(ServletInputStream in) {
    this.in = in;
  }

  ServletInputStream wraps() {
    return in;
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
  public int readLine(byte[] b, int off, int len) throws IOException {
    return count.read(in.readLine(b, off, len));
  }

  @Override
  public long skip(long n) throws IOException {
    return count.skipped(in.skip(n));
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
