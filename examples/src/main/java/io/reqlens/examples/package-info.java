/**
 * The example service (Javalin 7 on Jetty 12 with an embedded H2 database) that shows every Reqlens
 * feature, under the agent or in library mode.
 */
package io.reqlens.examples;
