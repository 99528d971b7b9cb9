/**
 * The head sampler {@code reqlens}: a default ratio plus ordered rules, consistent probability
 * sampling (OTEP 235) and route exclusion at span start.
 */
package io.reqlens.sampler;
