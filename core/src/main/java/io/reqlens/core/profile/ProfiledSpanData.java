package io.reqlens.core.profile;

/**
 * Implemented by the span data the exporters receive for a local root whose request was
 * stack-sampled: the {@code req} exporter writes its profile as a {@code PROF} event, while OTLP
 * and the span files carry only the summary attributes ({@code reqlens.profile.samples}, {@code
 * reqlens.profile.top}). Why an interface beside the span data, not attributes? Folded stacks are
 * kilobytes per request; as attributes they would go to every backend.
 */
public interface ProfiledSpanData {

  /**
   * The request's code profile, or {@code null} when it was not sampled (faster than the profiler's
   * {@code after}). May build the stacks' text on first call: call it on the export thread, not the
   * request thread.
   */
  FoldedProfile profile();
}
