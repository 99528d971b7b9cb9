/**
 * SPI registrations ({@code OTEL_TRACES_SAMPLER=reqlens}, the local-trace processor's customizer)
 * and the validated settings they read.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.sampler.internal;
