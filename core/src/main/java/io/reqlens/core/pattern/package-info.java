/**
 * The pattern language of routes, paths and attribute values: anchored, whole-string matches
 * ({@code /health} never matches {@code /healthz}), {@code *} within a path segment, {@code **}
 * across segments, {@code ~REGEX}.
 */
package io.reqlens.core.pattern;
