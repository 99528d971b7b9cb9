package io.reqlens.instrumentation.internal;

import static io.reqlens.core.semconv.SemConv.HTTP_REQUEST_BODY_SIZE;
import static io.reqlens.core.semconv.SemConv.HTTP_RESPONSE_BODY_SIZE;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;

/**
 * Writes {@code http.request.body.size} and {@code http.response.body.size} when the request ends.
 * The stable HTTP extractor leaves them out (the agent writes them only with its experimental HTTP
 * telemetry on); Reqlens needs them for {@code bytes_in}/{@code bytes_out}.
 *
 * <p>This class is internal and is hence not for public use. Its API is unstable and can change at
 * any time.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class BodySizeExtractor<REQUEST> implements AttributesExtractor<REQUEST, REQUEST> {

  /** Reads the sizes of one exchange; a negative size means unknown and is left out. */
  public interface Getter<REQUEST> {
    long requestBodySize(REQUEST exchange);

    long responseBodySize(REQUEST exchange);
  }

  private final Getter<REQUEST> getter;

  public BodySizeExtractor(Getter<REQUEST> getter) {
    this.getter = getter;
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, REQUEST request) {}

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      REQUEST request,
      REQUEST response,
      Throwable error) {
    long in = getter.requestBodySize(request);
    if (in >= 0) {
      attributes.put(HTTP_REQUEST_BODY_SIZE, in);
    }
    long out = getter.responseBodySize(request);
    if (out >= 0) {
      attributes.put(HTTP_RESPONSE_BODY_SIZE, out);
    }
  }
}
