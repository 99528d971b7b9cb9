/**
 * BUILD-MIRROR WORKAROUND, compile only, never shipped: the few configuration-model classes of
 * OpenTelemetry Java 1.67 that Reqlens reads and edits, as plain beans with the real signatures.
 */
package io.opentelemetry.sdk.autoconfigure.declarativeconfig.model;
