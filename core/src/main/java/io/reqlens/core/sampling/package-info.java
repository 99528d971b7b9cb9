/**
 * OTEP 235 consistent probability arithmetic: thresholds, the {@code ot=th:} tracestate value and
 * the sample rate it stands for.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.core.sampling;
