/**
 * Throttled logging for failures that may repeat at request rate.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.core.log;
