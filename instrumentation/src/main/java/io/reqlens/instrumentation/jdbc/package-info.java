/**
 * Library instrumentation for JDBC: {@code JdbcTelemetry} wraps a {@code DataSource} or {@code
 * Connection}; every statement becomes a CLIENT span with its sanitized text.
 */
package io.reqlens.instrumentation.jdbc;
