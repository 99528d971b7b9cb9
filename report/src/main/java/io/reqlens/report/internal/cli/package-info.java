/**
 * The report's command line: options, filters, time arguments and exit codes.
 *
 * <p>This package is internal and is not intended for public use; it may change at any time.
 */
package io.reqlens.report.internal.cli;
