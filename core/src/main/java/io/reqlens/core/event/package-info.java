/**
 * The request-profile event schema (DESIGN.md, "Request-profile events"): the kinds, their keys in
 * write order and the schema version. The {@code req} exporter writes with it and the readers read
 * with it.
 */
package io.reqlens.core.event;
