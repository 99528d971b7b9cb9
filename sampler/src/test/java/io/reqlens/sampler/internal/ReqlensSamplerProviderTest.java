package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.reqlens.sampler.ReqlensSampler;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SPI path: {@code OTEL_TRACES_SAMPLER=reqlens} through real SDK autoconfigure. */
class ReqlensSamplerProviderTest {

  private static AutoConfiguredOpenTelemetrySdk configure(Map<String, String> properties) {
    Map<String, String> all = new HashMap<>(properties);
    all.put("otel.traces.sampler", "reqlens");
    all.put("otel.traces.exporter", "none");
    all.put("otel.metrics.exporter", "none");
    all.put("otel.logs.exporter", "none");
    return AutoConfiguredOpenTelemetrySdk.builder()
        .disableShutdownHook()
        .addPropertiesSupplier(() -> all)
        .build();
  }

  @Test
  void autoconfigureSelectsTheReqlensSampler() {
    OpenTelemetrySdk sdk =
        configure(
                Map.of(
                    "otel.traces.sampler.arg", "0.1",
                    "otel.reqlens.sampler.rules", "url.path=/api/checkout/** => 1",
                    "otel.reqlens.exclude.routes", "/health"))
            .getOpenTelemetrySdk();
    try {
      assertThat(sdk.getSdkTracerProvider().getSampler())
          .isInstanceOf(ReqlensSampler.class)
          .extracting(s -> s.getDescription())
          .isEqualTo(
              "ReqlensSampler{ratio=0.1, rules=[1: url.path=/api/checkout/** => 1],"
                  + " excludeRoutes=[/health], recordUnsampled=false}");
    } finally {
      sdk.close();
    }
  }

  @Test
  void defaultsToRatioOneWithNothingElse() {
    OpenTelemetrySdk sdk = configure(Map.of()).getOpenTelemetrySdk();
    try {
      assertThat(sdk.getSdkTracerProvider().getSampler().getDescription())
          .isEqualTo(
              "ReqlensSampler{ratio=1.0, rules=[], excludeRoutes=[], recordUnsampled=false}");
    } finally {
      sdk.close();
    }
  }

  @Test
  void aBadKeyStopsAutoconfigure() {
    assertThatThrownBy(() -> configure(Map.of("otel.reqlens.sampler.rules", "* => often")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OTEL_REQLENS_SAMPLER_RULES");
  }

  @Test
  void samplerAndProviderAgree() {
    ReqlensSampler built =
        ReqlensSampler.builder().setRatio(0.25).setRules("span.kind=CONSUMER => rate=10/s").build();
    assertThat(new ReqlensSamplerProvider().getName()).isEqualTo("reqlens");
    assertThat(
            new ReqlensSamplerProvider()
                .createSampler(
                    io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties
                        .createFromMap(
                            Map.of(
                                "otel.traces.sampler.arg", "0.25",
                                "otel.reqlens.sampler.rules", "span.kind=CONSUMER => rate=10/s")))
                .getDescription())
        .isEqualTo(built.getDescription());
  }
}
