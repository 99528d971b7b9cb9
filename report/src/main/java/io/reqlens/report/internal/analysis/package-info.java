/**
 * Streaming analysis of request events: per-route statistics, queries, errors, outliers, load and
 * comparisons, in bounded memory.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.report.internal.analysis;
