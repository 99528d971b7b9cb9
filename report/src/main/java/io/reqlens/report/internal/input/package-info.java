/**
 * Reading event files: folder listing, line splitting with torn-tail handling, and parsing each
 * line against the event schema.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.report.internal.input;
