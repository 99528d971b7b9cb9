/**
 * The local-trace processor: assembles each request's local trace and decides for all of it when
 * the local root ends — exclusion by route template, keep errors and slow requests, the per-
 * request query profile and redaction — in front of every exporter.
 */
package io.reqlens.sampler.localtrace;
