/**
 * The one configuration grammar (durations, sizes) and the strict readers every Reqlens key uses:
 * an invalid value fails start-up naming the key, the value and what is accepted.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.core.config;
