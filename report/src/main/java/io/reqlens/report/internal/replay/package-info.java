/**
 * {@code reqlens replay}: sends span files ({@code spans-*.jsonl}, OTLP/JSON or flat) to an OTLP
 * endpoint through the OpenTelemetry SDK's own OTLP exporters, in batches, with retries, resumable
 * from a checkpoint.
 *
 * <p>The OpenTelemetry classes this package uses are bundled into the report jar relocated under
 * {@code io.reqlens.shaded.io.opentelemetry}: they never meet the agent's SDK.
 *
 * <p>This package is internal, not API, and may change at any time.
 */
package io.reqlens.report.internal.replay;
