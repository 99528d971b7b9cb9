/**
 * BUILD-MIRROR WORKAROUND, compile only, never shipped: the declarative-configuration hooks of
 * OpenTelemetry Java 1.67 that Reqlens calls, with their real signatures (checked against the Java
 * agent's classes by {@code StubSignaturesTest}). At run time the agent's (or the SDK's) real
 * classes are used.
 */
package io.opentelemetry.sdk.autoconfigure.declarativeconfig;
