package io.reqlens.extension;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

/** A minimal SDK-autoconfigure app, run in a child JVM by {@link ExtensionJarIT}. */
public final class SdkAutoconfigureApp {

  private SdkAutoconfigureApp() {}

  public static void main(String[] args) {
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
    System.out.println("sampler=" + sdk.getSdkTracerProvider().getSampler().getDescription());
    System.out.println("tracerProvider=" + sdk.getSdkTracerProvider());
    sdk.close();
  }
}
