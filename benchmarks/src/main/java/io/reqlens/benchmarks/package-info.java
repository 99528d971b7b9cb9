/**
 * JMH benchmarks of the hot-path components against the stock OpenTelemetry component each replaces
 * or sits beside; never shipped. Run commands are in each class's Javadoc, figures in
 * benchmarks/README.md.
 */
package io.reqlens.benchmarks;
