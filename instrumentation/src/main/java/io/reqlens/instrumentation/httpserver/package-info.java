/**
 * Library instrumentation for the JDK's {@code com.sun.net.httpserver}: {@code HttpServerTelemetry}
 * and its builder.
 */
package io.reqlens.instrumentation.httpserver;
