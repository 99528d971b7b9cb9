package io.reqlens.examples.otlp;

import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.util.function.Consumer;

/** The three OTLP gRPC services of {@link OtlpReceiver}; each accepts everything. */
final class OtlpServices {

  private OtlpServices() {}

  static final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
    private final Consumer<ExportTraceServiceRequest> sink;

    Traces(Consumer<ExportTraceServiceRequest> sink) {
      this.sink = sink;
    }

    @Override
    public void export(
        ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> response) {
      sink.accept(request);
      response.onNext(ExportTraceServiceResponse.getDefaultInstance());
      response.onCompleted();
    }
  }

  static final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    private final Consumer<ExportMetricsServiceRequest> sink;

    Metrics(Consumer<ExportMetricsServiceRequest> sink) {
      this.sink = sink;
    }

    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> response) {
      sink.accept(request);
      response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
      response.onCompleted();
    }
  }

  static final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
    private final Runnable onRequest;

    Logs(Runnable onRequest) {
      this.onRequest = onRequest;
    }

    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> response) {
      onRequest.run();
      response.onNext(ExportLogsServiceResponse.getDefaultInstance());
      response.onCompleted();
    }
  }
}
