/**
 * Real OTLP receivers on loopback (gRPC and HTTP) that the demo and the end-to-end tests export to.
 */
package io.reqlens.examples.otlp;
