/**
 * The demo: runs the example service under the agent with Reqlens, sends traffic, prints what was
 * kept and why, then the report.
 */
package io.reqlens.examples.demo;
