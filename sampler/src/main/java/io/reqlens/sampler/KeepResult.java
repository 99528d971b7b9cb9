package io.reqlens.sampler;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.core.sampling.ConsistentProbability;

/**
 * A kept root decision, built once and returned many times: its attributes and its root {@code
 * tracestate} ({@code ot=th:…}) are constants, so returning it allocates nothing. With a parent
 * state (only reached when tests pass one) the threshold is merged into it.
 */
final class KeepResult implements SamplingResult {

  private final Attributes attributes;
  private final String encodedThreshold; // null: not probabilistic, th is removed
  private final TraceState rootState;

  KeepResult(Attributes attributes, String encodedThreshold) {
    this.attributes = attributes;
    this.encodedThreshold = encodedThreshold;
    this.rootState =
        encodedThreshold == null
            ? TraceState.getDefault()
            : ConsistentProbability.withThreshold(TraceState.getDefault(), encodedThreshold);
  }

  @Override
  public SamplingDecision getDecision() {
    return SamplingDecision.RECORD_AND_SAMPLE;
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public TraceState getUpdatedTraceState(TraceState parentTraceState) {
    if (parentTraceState.isEmpty()) {
      return rootState;
    }
    return encodedThreshold == null
        ? ConsistentProbability.withoutThreshold(parentTraceState)
        : ConsistentProbability.withThreshold(parentTraceState, encodedThreshold);
  }

  @Override
  public String toString() {
    return "RECORD_AND_SAMPLE"
        + attributes
        + (encodedThreshold == null ? "" : " th:" + encodedThreshold);
  }
}
