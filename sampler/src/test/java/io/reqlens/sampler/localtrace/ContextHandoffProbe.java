package io.reqlens.sampler.localtrace;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

/**
 * Run in its own JVM by {@link ContextHandoffInstallTest} (the storage is built once per JVM):
 * builds an SDK with autoconfigure, as an application or the agent does, optionally after using
 * {@code Context} first, and prints whether the wrapper is in use.
 */
public final class ContextHandoffProbe {

  private ContextHandoffProbe() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("context-first")) {
      Context.current(); // as an application (or a logging appender) that uses Context early
    }
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    System.out.println("installed=" + ContextHandoff.isInstalled());
    System.out.println("storage=" + ContextStorage.get());
    sdk.close();
  }
}
