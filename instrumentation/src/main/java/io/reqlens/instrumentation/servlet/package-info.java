/**
 * Library instrumentation for Jakarta Servlet 6: {@code ServletTelemetry} creates the filter that
 * makes the SERVER span of each request.
 */
package io.reqlens.instrumentation.servlet;
