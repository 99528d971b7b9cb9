/**
 * Which code made a request slow: a request-scoped, wall-clock stack sampler and the N+1
 * caller-frame finder.
 *
 * <p>API: {@link io.reqlens.profiler.RequestProfiler} (built with {@link
 * io.reqlens.profiler.RequestProfilerBuilder}) hands out one {@link io.reqlens.profiler.Recording}
 * per request; {@link io.reqlens.profiler.Recording#stop()} returns the request's {@link
 * io.reqlens.profiler.Profile} (folded stacks, hot frames). {@link
 * io.reqlens.profiler.CallerFrames} names the application line that issued a statement. Everything
 * else in this package is package-private implementation. Design notes: the module's {@code
 * DESIGN.md}.
 */
package io.reqlens.profiler;
