package io.reqlens.benchmarks;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.contrib.sampler.RuleBasedRoutingSampler;
import io.opentelemetry.contrib.sampler.RuleBasedRoutingSamplerBuilder;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.sampler.ReqlensSampler;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The head decision for a root SERVER span with realistic start attributes: Reqlens with one and
 * with twenty rules against the SDK's {@code parentbased_traceidratio} and contrib's {@code
 * RuleBasedRoutingSampler} with twenty equivalent regular-expression rules.
 *
 * <p>The request matches none of the twenty rules, so every rule is evaluated: the worst case.
 * {@code reqlensRateRule} is one {@code rate=100/s} rule the request matches, called far more often
 * than 100 times a second, so nearly every decision is a refusal. {@code decision=unsampled} uses
 * trace ids below the 10 % threshold (the common case at low ratios; must allocate nothing), {@code
 * decision=sampled} ids above it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SamplerBenchmark -prof gc -f 1 -wi 3 -i
 * 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplerBenchmark {

  private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  private static final List<LinkData> NO_LINKS = Collections.emptyList();
  private static final int IDS = 1024; // a power of two

  @Param({"unsampled", "sampled"})
  public String decision;

  private Sampler reqlens1;
  private Sampler reqlens20;
  private Sampler reqlensRate;
  private Sampler sdk;
  private Sampler contrib20;
  private Attributes attributes;
  // The same decision needs different ids: OTEP 235 keeps randomness at or above the threshold,
  // the SDK's TraceIdRatioBased (and contrib's fallback, which is that sampler) keeps small values.
  private final String[] otepIds = new String[IDS];
  private final String[] sdkIds = new String[IDS];
  private int next;

  @Setup
  public void setUp() {
    reqlens1 =
        ReqlensSampler.builder().setRatio(0.1).setRules("url.path=/api/checkout/** => 1").build();
    StringBuilder rules = new StringBuilder();
    RuleBasedRoutingSamplerBuilder contrib =
        RuleBasedRoutingSampler.builder(
            SpanKind.SERVER, Sampler.parentBased(Sampler.traceIdRatioBased(0.1)));
    for (int i = 0; i < 20; i++) {
      rules.append("url.path=/api/svc").append(i).append("/** => 0.5;");
      contrib.customize(URL_PATH, "/api/svc" + i + "(/.*)?", Sampler.traceIdRatioBased(0.5));
    }
    // The request matches: every call is a rate decision (far above 100/s, so nearly all refused).
    reqlensRate =
        ReqlensSampler.builder()
            .setRatio(0.1)
            .setRules("url.path=/api/users/** => rate=100/s")
            .build();
    reqlens20 = ReqlensSampler.builder().setRatio(0.1).setRules(rules.toString()).build();
    contrib20 = contrib.build();
    sdk = Sampler.parentBased(Sampler.traceIdRatioBased(0.1));
    attributes =
        Attributes.builder()
            .put("http.request.method", "GET")
            .put("url.path", "/api/users/42")
            .put("url.scheme", "http")
            .put("server.address", "127.0.0.1")
            .put("server.port", 8080L)
            .put("network.protocol.version", "1.1")
            .put("client.address", "127.0.0.1")
            .put("user_agent.original", "Java-http-client/17.0.15")
            .build();
    SplittableRandom random = new SplittableRandom(7);
    boolean sampled = decision.equals("sampled");
    for (int i = 0; i < IDS; i++) {
      long small = random.nextLong(1L << 48); // below both 10 % bounds
      long large = 0x7ff0000000000000L | random.nextLong(1L << 48); // above both
      otepIds[i] = String.format("%016x%016x", random.nextLong(), sampled ? large : small);
      sdkIds[i] = String.format("%016x%016x", random.nextLong(), sampled ? small : large);
    }
  }

  private SamplingResult decide(Sampler sampler, String[] ids) {
    return sampler.shouldSample(
        Context.root(), ids[next++ & (IDS - 1)], "GET", SpanKind.SERVER, attributes, NO_LINKS);
  }

  @Benchmark
  public SamplingResult reqlens1Rule() {
    return decide(reqlens1, otepIds);
  }

  @Benchmark
  public SamplingResult reqlens20Rules() {
    return decide(reqlens20, otepIds);
  }

  @Benchmark
  public SamplingResult reqlensRateRule() {
    return decide(reqlensRate, otepIds);
  }

  @Benchmark
  public SamplingResult sdkParentBasedRatio() {
    return decide(sdk, sdkIds);
  }

  @Benchmark
  public SamplingResult contribRuleBased20Rules() {
    return decide(contrib20, sdkIds);
  }
}
