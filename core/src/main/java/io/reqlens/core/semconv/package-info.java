/**
 * Attribute keys, declared once: the OpenTelemetry semantic conventions Reqlens reads (stable names
 * with their old fallbacks) and every {@code reqlens.*} attribute it writes.
 */
package io.reqlens.core.semconv;
