/**
 * SPI registrations of the file exporters for SDK autoconfigure and the Java agent.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.exporters.internal;
