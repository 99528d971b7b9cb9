package io.reqlens.instrumentation.servlet;

import io.reqlens.instrumentation.internal.ByteCounter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/** Delegates every call, counting the bytes written. */
final class CountingServletOutputStream extends ServletOutputStream {

  private final ServletOutputStream out;
  private final ByteCounter count = new ByteCounter();

  CountingServletOutputStream(ServletOutputStream out) {
    this.out = out;
  }

  ServletOutputStream wraps() {
    return out;
  }

  long count() {
    return count.get();
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    count.wrote(1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    count.wrote(len);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  @Override
  public boolean isReady() {
    return out.isReady();
  }

  @Override
  public void setWriteListener(WriteListener writeListener) {
    out.setWriteListener(writeListener);
  }
}
