/**
 * The dialect-aware SQL sanitizer (literals become {@code ?}) and analyzer (operation and table)
 * shared by the library instrumentation and the file exporters.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.core.sql;
