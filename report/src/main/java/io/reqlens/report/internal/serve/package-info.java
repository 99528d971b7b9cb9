/**
 * {@code reqlens serve}: a live dashboard on loopback that follows event and span files as they
 * grow and rotate, keeps a bounded window of requests, and serves pages and a JSON API computed by
 * the report's own analysis.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.report.internal.serve;
