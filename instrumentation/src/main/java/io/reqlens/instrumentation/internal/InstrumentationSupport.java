package io.reqlens.instrumentation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every Reqlens instrumentation shares: its version, and the hot-path failure policy (count,
 * log the first failure and then one in every {@value #LOG_EVERY}, never throw into the app).
 *
 * <p>This class is internal and is hence not for public use. Its API is unstable and can change at
 * any time.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class InstrumentationSupport {

  /** After the first failure, one in this many is logged. */
  public static final long LOG_EVERY = 1000;

  private static final Logger logger = Logger.getLogger(InstrumentationSupport.class.getName());
  private static final AtomicLong failures = new AtomicLong();
  private static final String VERSION = readVersion();

  private InstrumentationSupport() {}

  /** The Reqlens version, for the instrumentation scope. */
  public static String version() {
    return VERSION;
  }

  /** Records that instrumentation (not the app) failed; the app's work goes on untouched. */
  public static void failed(String what, Throwable error) {
    long count = failures.incrementAndGet();
    if (count == 1 || count % LOG_EVERY == 0) {
      logger.log(
          Level.WARNING,
          "Reqlens instrumentation failed to " + what + " (" + count + " failures so far)",
          error);
    }
  }

  /** How many times instrumentation failed since start; visible for tests and diagnostics. */
  public static long failureCount() {
    return failures.get();
  }

  private static String readVersion() {
    try (InputStream in = InstrumentationSupport.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
