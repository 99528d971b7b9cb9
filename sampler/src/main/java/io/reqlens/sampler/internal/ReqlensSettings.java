package io.reqlens.sampler.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.core.config.ConfigSource;
import io.reqlens.core.config.Durations;
import io.reqlens.core.config.Parsers;
import io.reqlens.core.config.Setting;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.profiler.RequestProfiler;
import io.reqlens.profiler.RequestProfilerBuilder;
import io.reqlens.sampler.ReqlensSampler;
import io.reqlens.sampler.localtrace.LocalTraceProcessor;
import io.reqlens.sampler.localtrace.LocalTraceProcessorBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sampling and local-trace keys, each declared once as a {@link Setting} (YAML property,
 * environment key, parser, default, description), and their validated values. The environment
 * ({@code OTEL_REQLENS_*}) and a configuration file ({@code tracer_provider.sampler.reqlens}, a
 * {@code reqlens} span processor) read the same table, so they cannot drift apart.
 *
 * <p>To add a key: declare it below, add it to {@link #SAMPLER} and/or {@link #PROCESSOR_KEYS}, and
 * use it in {@link #sampler()} or {@link #processor}. The environment key, the YAML property,
 * strict checking, the README table test and the environment/file parity test then cover it.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqlensSettings {

  /** Which sampler the SDK builds; the ratio key is the Reqlens ratio only for {@code reqlens}. */
  public static final String SAMPLER_KEY = "otel.traces.sampler";

  public static final Setting<Double> RATIO =
      Setting.of(
          "ratio",
          "otel.traces.sampler.arg",
          Parsers.ratio(),
          1.0,
          "ratio in [0,1] for roots no rule matches");

  public static final Setting<String> RULES =
      Setting.list(
          "rules",
          "otel.reqlens.sampler.rules",
          "; ",
          Parsers.of(
              text -> {
                ReqlensSampler.builder().setRules(text);
                return text;
              },
              "rules 'MATCHERS => ACTION' (e.g. url.path=/api/** => 0.5), separated by ';'"),
          "",
          "ordered rules, first match wins");

  public static final Setting<RouteList> EXCLUDE_ROUTES =
      Setting.list(
          "exclude_routes",
          "otel.reqlens.exclude.routes",
          ",",
          Parsers.of(RouteList::parse, "route patterns (e.g. /health, /static/**, ~REGEX)"),
          RouteList.empty(),
          "excluded requests leave no span anywhere, children included");

  public static final Setting<Boolean> KEEP_ERRORS =
      Setting.of(
          "keep_errors",
          "otel.reqlens.keep.errors",
          Parsers.bool(),
          false,
          "keep a local trace with an error even when the ratio said no");

  public static final Setting<Duration> KEEP_SLOWER_THAN =
      Setting.of(
          "keep_slower_than",
          "otel.reqlens.keep.slower.than",
          Parsers.positiveDuration(),
          null,
          "keep local traces whose root took longer (off when unset)");

  public static final Setting<Integer> N_PLUS_ONE_THRESHOLD =
      Setting.of(
          "n_plus_one_threshold",
          "otel.reqlens.n.plus.one.threshold",
          Parsers.intInRange(2, LocalTraceProcessorBuilder.LIMIT_N_PLUS_ONE_THRESHOLD),
          LocalTraceProcessorBuilder.DEFAULT_N_PLUS_ONE_THRESHOLD,
          "the same statement this many times in one request flags N+1");

  /** {@code null} (unset) keeps the processor's default list. */
  public static final Setting<String> REDACT_QUERY_PARAMS =
      Setting.list(
          "redact_query_params",
          "otel.reqlens.redact.query.params",
          ",",
          Parsers.of(
              text -> {
                LocalTraceProcessor.builder(SpanProcessor.composite()).setRedactedQueryParams(text);
                return text;
              },
              "query parameter name patterns (e.g. password, *token*), * for all, none for none"),
          null,
          "query parameters whose values become REDACTED");

  public static final Setting<Integer> MAX_BUFFERED_TRACES =
      Setting.of(
          "max_buffered_traces",
          "otel.reqlens.max.buffered.traces",
          Parsers.intInRange(1, LocalTraceProcessorBuilder.LIMIT_MAX_BUFFERED_TRACES),
          LocalTraceProcessorBuilder.DEFAULT_MAX_BUFFERED_TRACES,
          "undecided local traces held at most");

  public static final Setting<Integer> MAX_BUFFERED_SPANS =
      Setting.of(
          "max_buffered_spans",
          "otel.reqlens.max.buffered.spans",
          Parsers.intInRange(1, LocalTraceProcessorBuilder.LIMIT_MAX_BUFFERED_SPANS),
          LocalTraceProcessorBuilder.DEFAULT_MAX_BUFFERED_SPANS,
          "ended spans buffered at most across undecided local traces");

  /**
   * The request profiler, {@code on} or {@code off} ({@code true}/{@code false} accepted too): on,
   * by default, because a request faster than {@link #PROFILER_AFTER} costs about 19 ns and one
   * 56-byte object ({@code ProfilerBenchmark.startStop}, benchmarks/README.md).
   */
  public static final Setting<Boolean> PROFILER =
      Setting.of(
          "profiler",
          "otel.reqlens.profiler",
          Parsers.of(ReqlensSettings::onOff, "on or off"),
          true,
          "off disables the request-scoped stack sampler and the N+1 caller lookup");

  public static final Setting<Duration> PROFILER_INTERVAL =
      Setting.of(
          "profiler_interval",
          "otel.reqlens.profiler.interval",
          profilerDuration(
              d -> RequestProfiler.builder().setInterval(d), "a duration from 1ms to 1m"),
          Duration.ofMillis(RequestProfilerBuilder.DEFAULT_INTERVAL_MILLIS),
          "time between two stack samples of a request's threads");

  public static final Setting<Duration> PROFILER_AFTER =
      Setting.of(
          "profiler_after",
          "otel.reqlens.profiler.after",
          profilerDuration(d -> RequestProfiler.builder().setAfter(d), "a duration from 0ms to 1h"),
          Duration.ofMillis(RequestProfilerBuilder.DEFAULT_AFTER_MILLIS),
          "a request is stack-sampled only once it has run this long");

  /**
   * The request profiler's keys ({@code OTEL_REQLENS_PROFILER}, {@code _INTERVAL}, {@code _AFTER};
   * YAML {@code profiler}, {@code profiler_interval}, {@code profiler_after}): read from the
   * environment, accepted on the {@code reqlens} sampler and processor blocks of a configuration
   * file, and covered by the parity tests.
   */
  public static final List<Setting<?>> PROFILER_KEYS =
      List.of(PROFILER, PROFILER_INTERVAL, PROFILER_AFTER);

  /** What the head sampler reads. */
  public static final List<Setting<?>> SAMPLER =
      List.of(RATIO, RULES, EXCLUDE_ROUTES, KEEP_ERRORS, KEEP_SLOWER_THAN);

  /** What the local-trace processor reads. */
  public static final List<Setting<?>> PROCESSOR_KEYS =
      concat(
          List.of(
              EXCLUDE_ROUTES,
              KEEP_ERRORS,
              KEEP_SLOWER_THAN,
              N_PLUS_ONE_THRESHOLD,
              REDACT_QUERY_PARAMS,
              MAX_BUFFERED_TRACES,
              MAX_BUFFERED_SPANS),
          PROFILER_KEYS);

  /** Every key; the environment and the file's {@code reqlens} sampler block take all of them. */
  public static final List<Setting<?>> ALL = concat(SAMPLER, PROCESSOR_KEYS);

  private final Map<Setting<?>, Object> values;

  private ReqlensSettings(Map<Setting<?>, Object> values) {
    this.values = values;
  }

  /**
   * Reads and validates every key from the environment and system properties, {@code
   * otel.traces.sampler.arg} as the Reqlens ratio: for the {@code reqlens} sampler.
   *
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException for the first bad value
   */
  public static ReqlensSettings from(ConfigProperties config) {
    return read(ConfigSource.env(config), ALL);
  }

  /**
   * Reads and validates the keys of the local-trace processor, which runs whatever the sampler.
   *
   * <p>Why not the sampler argument too? It belongs to the sampler {@code otel.traces.sampler}
   * names: {@code jaeger_remote} takes {@code endpoint=…,pollingIntervalMs=…}, and Reqlens must not
   * stop start-up over another sampler's argument. It is read as a ratio only when the sampler is
   * {@code reqlens}; every {@code otel.reqlens.*} key stays strict.
   *
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException for the first bad value
   */
  public static ReqlensSettings forProcessor(ConfigProperties config) {
    if (isReqlensSampler(config)) {
      return from(config);
    }
    List<Setting<?>> withoutRatio = new ArrayList<>(ALL);
    withoutRatio.remove(RATIO);
    return read(ConfigSource.env(config), withoutRatio);
  }

  /** Whether {@code otel.traces.sampler} selects the Reqlens sampler. */
  static boolean isReqlensSampler(ConfigProperties config) {
    String sampler = config.getString(SAMPLER_KEY);
    return sampler != null && ReqlensSamplerProvider.NAME.equals(sampler.trim());
  }

  /**
   * Reads and validates {@code settings} from {@code source}; the others keep their defaults.
   *
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException for the first bad value
   */
  public static ReqlensSettings read(ConfigSource source, List<Setting<?>> settings) {
    Map<Setting<?>, Object> values = new IdentityHashMap<>();
    for (Setting<?> setting : ALL) {
      values.put(setting, setting.defaultValue());
    }
    for (Setting<?> setting : settings) {
      values.put(setting, source.get(setting));
    }
    return new ReqlensSettings(values);
  }

  /** The value of {@code setting} ({@code null} for an unset key that has no default). */
  @SuppressWarnings("unchecked") // values are put by read() from the same Setting<T>
  public <T> T get(Setting<T> setting) {
    return (T) values.get(setting);
  }

  /** Builds the head sampler these settings describe. */
  public ReqlensSampler sampler() {
    return ReqlensSampler.builder()
        .setRatio(get(RATIO))
        .setRules(get(RULES))
        .setExcludedRoutes(get(EXCLUDE_ROUTES))
        .setRecordUnsampled(tailDecisions())
        .build();
  }

  /** Builds the local-trace processor these settings describe, in front of {@code downstream}. */
  public LocalTraceProcessor processor(SpanProcessor downstream) {
    LocalTraceProcessorBuilder builder =
        LocalTraceProcessor.builder(downstream)
            .setExcludedRoutes(get(EXCLUDE_ROUTES))
            .setKeepErrors(get(KEEP_ERRORS))
            .setNPlusOneThreshold(get(N_PLUS_ONE_THRESHOLD))
            .setMaxBufferedTraces(get(MAX_BUFFERED_TRACES))
            .setMaxBufferedSpans(get(MAX_BUFFERED_SPANS));
    if (get(KEEP_SLOWER_THAN) != null) {
      builder.setKeepSlowerThan(get(KEEP_SLOWER_THAN));
    }
    if (get(REDACT_QUERY_PARAMS) != null) {
      builder.setRedactedQueryParams(get(REDACT_QUERY_PARAMS));
    }
    builder
        .setProfilerEnabled(get(PROFILER))
        .setProfilerInterval(get(PROFILER_INTERVAL))
        .setProfilerAfter(get(PROFILER_AFTER));
    return builder.build();
  }

  public double ratio() {
    return get(RATIO);
  }

  public String rules() {
    return get(RULES);
  }

  public RouteList excludedRoutes() {
    return get(EXCLUDE_ROUTES);
  }

  public boolean keepErrors() {
    return get(KEEP_ERRORS);
  }

  /** The slowness threshold, or {@code null} when off. */
  public Duration keepSlowerThan() {
    return get(KEEP_SLOWER_THAN);
  }

  /** Whether a tail decision (keep errors or slow requests) is wanted. */
  public boolean tailDecisions() {
    return keepErrors() || keepSlowerThan() != null;
  }

  private static boolean onOff(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "on":
      case "true":
        return true;
      case "off":
      case "false":
        return false;
      default:
        throw new IllegalArgumentException("accepted: on or off");
    }
  }

  /**
   * A duration in the one grammar ({@link Durations}), checked against the profiler's own range so
   * that an out-of-range value fails at start naming the key.
   */
  private static Setting.Parser<Duration> profilerDuration(
      Consumer<Duration> check, String accepted) {
    return Parsers.of(
        text -> {
          Duration d = Durations.parse(text);
          try {
            check.accept(d);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("out of range; accepted: " + accepted, e);
          }
          return d;
        },
        accepted + " (" + Durations.ACCEPTED + ")");
  }

  private static List<Setting<?>> concat(List<Setting<?>> a, List<Setting<?>> b) {
    Set<Setting<?>> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Collections.unmodifiableList(new ArrayList<>(all));
  }
}
