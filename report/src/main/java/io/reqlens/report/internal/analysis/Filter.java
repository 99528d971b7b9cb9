package io.reqlens.report.internal.analysis;

import io.reqlens.core.pattern.RoutePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which requests the report covers. All conditions must hold; within a repeatable option any value
 * may match. Immutable; build with {@link #builder()}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Filter {

  private final long sinceNs;
  private final long untilNs;
  private final List<RoutePattern> routes;
  private final List<String> methods;
  private final List<int[]> statuses;
  private final List<String> services;
  private final long minDurationNs;
  private final String description;

  private Filter(Builder b) {
    this.sinceNs = b.sinceNs;
    this.untilNs = b.untilNs;
    this.routes = List.copyOf(b.routes);
    this.methods = List.copyOf(b.methods);
    this.statuses = List.copyOf(b.statuses);
    this.services = List.copyOf(b.services);
    this.minDurationNs = b.minDurationNs;
    this.description = String.join(", ", b.described);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when {@code r} is in the report. */
  public boolean test(Request r) {
    if (r.tsNs < sinceNs || r.tsNs >= untilNs || r.durNs < minDurationNs) {
      return false;
    }
    if (!methods.isEmpty()
        && (r.method == null || !methods.contains(r.method.toUpperCase(Locale.ROOT)))) {
      return false;
    }
    if (!services.isEmpty() && !services.contains(r.service)) {
      return false;
    }
    if (!statuses.isEmpty() && !statusMatches(r.status)) {
      return false;
    }
    return routes.isEmpty() || routeMatches(r.route);
  }

  /** The active filters in words, empty when none. */
  public String description() {
    return description;
  }

  private boolean statusMatches(int status) {
    for (int[] range : statuses) {
      if (status >= range[0] && status <= range[1]) {
        return true;
      }
    }
    return false;
  }

  private boolean routeMatches(String route) {
    if (route == null) {
      return false;
    }
    for (RoutePattern p : routes) {
      if (p.matches(route)) {
        return true;
      }
    }
    return false;
  }

  /** Collects the filter options; the parsing of each value happens in the CLI. */
  public static final class Builder {
    private long sinceNs = Long.MIN_VALUE;
    private long untilNs = Long.MAX_VALUE;
    private final List<RoutePattern> routes = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();
    private final List<int[]> statuses = new ArrayList<>();
    private final List<String> services = new ArrayList<>();
    private long minDurationNs;
    private final List<String> described = new ArrayList<>();

    public Builder since(long epochNs, String text) {
      sinceNs = epochNs;
      described.add("since " + text);
      return this;
    }

    public Builder until(long epochNs, String text) {
      untilNs = epochNs;
      described.add("until " + text);
      return this;
    }

    /**
     * A route pattern in the sampler's language ({@link RoutePattern}): exact, {@code *} within a
     * segment, {@code **} across, or {@code ~REGEX}.
     */
    public Builder route(String pattern) {
      routes.add(RoutePattern.compile(pattern));
      described.add("route " + pattern);
      return this;
    }

    public Builder method(String method) {
      methods.add(method.toUpperCase(Locale.ROOT));
      described.add("method " + method.toUpperCase(Locale.ROOT));
      return this;
    }

    /** An inclusive status range, e.g. 500..599 for {@code 5xx}. */
    public Builder status(int from, int to, String text) {
      statuses.add(new int[] {from, to});
      described.add("status " + text);
      return this;
    }

    public Builder service(String service) {
      services.add(service);
      described.add("service " + service);
      return this;
    }

    public Builder minDuration(long ns, String text) {
      minDurationNs = ns;
      described.add("duration >= " + text);
      return this;
    }

    public Filter build() {
      return new Filter(this);
    }
  }
}
