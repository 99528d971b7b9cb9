package io.reqlens.report.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version from the build (report.properties).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"reqlens " + version()};
  }

  /** The project version, or "unknown" when run from an IDE without resources. */
  public static String version() {
    return property("version");
  }

  static String property(String key) {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/reqlens/report/report.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty(key, "unknown");
  }
}
