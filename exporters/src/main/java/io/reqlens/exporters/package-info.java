/**
 * The {@code jsonl} (span files) and {@code req} (request-profile event files) exporters over one
 * rotating, bounded, crash-safe file writer.
 */
package io.reqlens.exporters;
