/**
 * Shared pieces of the library instrumentations.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.instrumentation.internal;
