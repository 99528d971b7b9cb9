package io.reqlens.exporters;

import io.opentelemetry.api.trace.TraceState;

/**
 * Renders a {@link TraceState} as its W3C header text ({@code ot=th:c,vendor=x}). Remembers the
 * last one: the spans of a trace share one TraceState object, so most calls allocate nothing.
 */
final class TraceStateText {

  private TraceState last = TraceState.getDefault();
  private String lastText = "";

  String of(TraceState state) {
    if (state.isEmpty()) {
      return "";
    }
    if (state == last || state.equals(last)) {
      return lastText;
    }
    StringBuilder sb = new StringBuilder(32);
    state.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(',');
          }
          sb.append(k).append('=').append(v);
        });
    last = state;
    lastText = sb.toString();
    return lastText;
  }
}
