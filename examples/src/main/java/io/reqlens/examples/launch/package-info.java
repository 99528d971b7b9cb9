/**
 * Starting the example service in its own JVM (under the agent or in library mode) and talking to
 * it.
 */
package io.reqlens.examples.launch;
