package io.reqlens.instrumentation.internal;

/**
 * The byte count of one body stream, owned once for the JDK {@code HttpServer} streams and the
 * servlet streams: each wrapper passes its delegate's result through and this class counts it. Not
 * thread-safe: the app's thread writes it, and it is read after the exchange completes.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ByteCounter {

  private long count;

  /** The bytes counted so far. */
  public long get() {
    return count;
  }

  /** A single-byte {@code read()}'s result: counts one unless it is the end of the stream (-1). */
  public int readByte(int b) {
    if (b >= 0) {
      count++;
    }
    return b;
  }

  /** An array {@code read} (or {@code readLine}): counts its result when positive. */
  public int read(int n) {
    if (n > 0) {
      count += n;
    }
    return n;
  }

  /** A {@code skip}'s result: counts it when positive. */
  public long skipped(long n) {
    if (n > 0) {
      count += n;
    }
    return n;
  }

  /** Bytes handed to the delegate's {@code write}. */
  public void wrote(int n) {
    count += n;
  }
}
