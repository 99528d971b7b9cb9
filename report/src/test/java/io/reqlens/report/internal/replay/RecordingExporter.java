package io.reqlens.report.internal.replay;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Accepts the first {@code accept} exports, then fails every one; keeps what it accepted. */
final class RecordingExporter implements SpanExporter {

  final List<String> ids = new ArrayList<>();
  int calls;
  private final int accept;

  RecordingExporter(int accept) {
    this.accept = accept;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    calls++;
    if (calls > accept) {
      return CompletableResultCode.ofExceptionalFailure(new java.net.ConnectException("refused"));
    }
    for (SpanData s : spans) {
      ids.add(s.getTraceId() + "/" + s.getSpanId());
    }
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
