package io.reqlens.core.semconv;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Every {@code reqlens.*} attribute Reqlens writes on spans, declared once. Readers that run
 * without the OpenTelemetry API on the class path (the report, the dashboard) use the names in
 * {@link Names}, which loads no OpenTelemetry class.
 */
public final class ReqlensAttributes {

  /** Why a local root was kept: {@code ratio}, {@code rule}, {@code parent}, {@code error}, … */
  public static final AttributeKey<String> KEPT_BY = stringKey(Names.KEPT_BY);

  /** The 1-based number of the rule that kept a root. */
  public static final AttributeKey<Long> RULE = longKey(Names.RULE);

  /** Database spans in the local trace. */
  public static final AttributeKey<Long> DB_COUNT = longKey(Names.DB_COUNT);

  /** Their total duration in nanoseconds. */
  public static final AttributeKey<Long> DB_DURATION_NS = longKey(Names.DB_DURATION_NS);

  /** Distinct sanitized statements among them. */
  public static final AttributeKey<Long> DB_STATEMENTS = longKey(Names.DB_STATEMENTS);

  /** One statement repeated at least the N+1 threshold. */
  public static final AttributeKey<Boolean> N_PLUS_ONE = booleanKey(Names.N_PLUS_ONE);

  /** The repeated (sanitized) statement. */
  public static final AttributeKey<String> N_PLUS_ONE_STATEMENT =
      stringKey(Names.N_PLUS_ONE_STATEMENT);

  /** How often it ran. */
  public static final AttributeKey<Long> N_PLUS_ONE_COUNT = longKey(Names.N_PLUS_ONE_COUNT);

  /**
   * The application frame that issued the N+1 statement, {@code class.method(File.java:line)}: on
   * the local root, and on each database span running that statement.
   */
  public static final AttributeKey<String> N_PLUS_ONE_CALLER = stringKey(Names.N_PLUS_ONE_CALLER);

  /**
   * Stack samples taken of a kept request (absent when it was faster than the profiler's after).
   */
  public static final AttributeKey<Long> PROFILE_SAMPLES = longKey(Names.PROFILE_SAMPLES);

  /**
   * The request's hottest frames, at most three, most self time first, each {@code
   * "package.Class.method NN%"}: the frame's share of the request's samples in which it was the
   * innermost frame.
   */
  public static final AttributeKey<List<String>> PROFILE_TOP = stringArrayKey(Names.PROFILE_TOP);

  private ReqlensAttributes() {}

  /** The attribute names as plain strings. */
  public static final class Names {
    public static final String KEPT_BY = "reqlens.kept_by";
    public static final String RULE = "reqlens.rule";
    public static final String DB_COUNT = "reqlens.db.count";
    public static final String DB_DURATION_NS = "reqlens.db.duration_ns";
    public static final String DB_STATEMENTS = "reqlens.db.statements";
    public static final String N_PLUS_ONE = "reqlens.n_plus_one";
    public static final String N_PLUS_ONE_STATEMENT = "reqlens.n_plus_one.statement";
    public static final String N_PLUS_ONE_COUNT = "reqlens.n_plus_one.count";
    public static final String N_PLUS_ONE_CALLER = "reqlens.n_plus_one.caller";
    public static final String PROFILE_SAMPLES = "reqlens.profile.samples";
    public static final String PROFILE_TOP = "reqlens.profile.top";

    private Names() {}
  }
}
