/**
 * The end-to-end overhead harness: the example service under each configuration (no agent, the
 * agent, the agent with Reqlens, library mode), closed-loop and open-loop load, CPU time,
 * allocation and latency per request. Run by {@code benchmarks/overhead.sh}; figures in
 * benchmarks/README.md.
 */
package io.reqlens.benchmarks.overhead;
