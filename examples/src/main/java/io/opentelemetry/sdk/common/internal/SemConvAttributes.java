package io.opentelemetry.sdk.common.internal;

import io.opentelemetry.api.common.AttributeKey;

/**
 * BUILD-MIRROR WORKAROUND for library mode; delete with the 1.63.0 exporter pins (when {@code
 * opentelemetry-exporter-logging-otlp} 1.67.0 is available).
 *
 * <p>Why? The 1.63.0 exporters the example bundles (see the examples pom) record every export
 * through {@code ExporterInstrumentation}, which reads these keys from opentelemetry-sdk-common;
 * SDK 1.67.0 renamed the class to {@code SemConvConstants}. Same keys and types as in
 * opentelemetry-sdk-common 1.63.0; the exporters reference no other field of it (checked with
 * javap).
 */
public final class SemConvAttributes {

  public static final AttributeKey<String> OTEL_COMPONENT_TYPE =
      AttributeKey.stringKey("otel.component.type");
  public static final AttributeKey<String> OTEL_COMPONENT_NAME =
      AttributeKey.stringKey("otel.component.name");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<String> RPC_RESPONSE_STATUS_CODE =
      AttributeKey.stringKey("rpc.response.status_code");
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");

  private SemConvAttributes() {}
}
