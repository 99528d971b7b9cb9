package io.opentelemetry.sdk.autoconfigure.declarativeconfig;

import io.opentelemetry.sdk.autoconfigure.spi.Ordered;

/** Stub of the 1.67 SPI: called once before the SDK is built from a configuration file. */
public interface DeclarativeConfigurationCustomizerProvider extends Ordered {

  void customize(DeclarativeConfigurationCustomizer customizer);
}
