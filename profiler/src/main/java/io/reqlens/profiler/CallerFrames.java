package io.reqlens.profiler;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Names the application code that issued a database statement: called on the thread that just ran
 * it, {@link #find()} walks the current stack and returns the first frame that is not JDBC, a
 * connection pool, an ORM or framework, the OpenTelemetry agent, Reqlens or the JDK, as {@code
 * class.method(File.java:line)}. Used for the N+1 caller ({@code reqlens.n_plus_one.caller}, the
 * {@code caller} of {@code DB} events).
 *
 * <p>Why {@link StackWalker}? It walks lazily and stops at the first match, without building a
 * {@code StackTraceElement} for every frame as {@code new Throwable().getStackTrace()} does. It
 * still costs microseconds, so it is meant to be called once a statement reaches the N+1 threshold,
 * not for every statement; nothing here runs until then.
 *
 * <p>A prefix matches a package and its subpackages or a class and its nested classes: {@code
 * org.h2} matches {@code org.h2.jdbc.JdbcStatement}, not {@code org.h2xyz.Foo}. Kept prefixes win
 * over skipped ones ({@code io.reqlens.examples.} is application code inside the skipped {@code
 * io.reqlens.}). Immutable and thread-safe.
 */
public final class CallerFrames {

  /** Frames never reported as the caller, by package or class prefix. */
  public static final List<String> DEFAULT_SKIPPED_PREFIXES =
      Collections.unmodifiableList(
          Arrays.asList(
              // the JDK
              "java.",
              "javax.",
              "jdk.",
              "sun.",
              "com.sun.",
              // JDBC drivers
              "org.h2",
              "org.postgresql",
              "com.mysql",
              "org.mariadb.jdbc",
              "oracle.jdbc",
              "com.microsoft.sqlserver",
              "org.sqlite",
              "org.hsqldb",
              "org.apache.derby",
              // connection pools
              "com.zaxxer.hikari",
              "org.apache.commons.dbcp2",
              "com.mchange.v2.c3p0",
              "org.apache.tomcat.jdbc",
              // ORMs and data-access frameworks
              "org.hibernate",
              "jakarta.persistence",
              "org.springframework",
              "org.jooq",
              "org.mybatis",
              "org.apache.ibatis",
              "org.jdbi",
              // web frameworks and servlet containers
              "io.javalin",
              "org.eclipse.jetty",
              "jakarta.servlet",
              "org.apache.catalina",
              "org.apache.tomcat",
              "org.apache.coyote",
              "io.undertow",
              // the agent (its advice is inlined into the frames above) and OpenTelemetry
              "io.opentelemetry.javaagent",
              "io.opentelemetry",
              "net.bytebuddy",
              // Reqlens itself
              "io.reqlens."));

  /** Frames reported even when a skipped prefix matches: the examples are application code. */
  public static final List<String> DEFAULT_KEPT_PREFIXES =
      Collections.singletonList("io.reqlens.examples.");

  private static final CallerFrames DEFAULTS =
      new CallerFrames(
          DEFAULT_SKIPPED_PREFIXES.toArray(new String[0]),
          DEFAULT_KEPT_PREFIXES.toArray(new String[0]));

  // StackWalker.getInstance() hides reflection and hidden (lambda) frames and needs no permission.
  private static final StackWalker WALKER = StackWalker.getInstance();

  private final String[] skipped;
  private final String[] kept;

  private CallerFrames(String[] skipped, String[] kept) {
    this.skipped = skipped;
    this.kept = kept;
  }

  /** The default prefixes: {@link #DEFAULT_SKIPPED_PREFIXES}, {@link #DEFAULT_KEPT_PREFIXES}. */
  public static CallerFrames defaults() {
    return DEFAULTS;
  }

  /** A copy that also skips these prefixes (a company's data-access layer, another driver). */
  public CallerFrames withSkippedPrefixes(String... prefixes) {
    return new CallerFrames(concat(skipped, prefixes, "skipped"), kept);
  }

  /** A copy that reports these prefixes even inside a skipped one. */
  public CallerFrames withKeptPrefixes(String... prefixes) {
    return new CallerFrames(skipped, concat(kept, prefixes, "kept"));
  }

  /**
   * The first application frame of the calling thread's stack as {@code
   * class.method(File.java:line)}, or {@code null} when every frame is skipped. Never throws.
   */
  public String find() {
    try {
      Optional<StackFrame> frame =
          WALKER.walk(frames -> frames.filter(f -> !isSkipped(f.getClassName())).findFirst());
      return frame.map(CallerFrames::format).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether a frame of this class is skipped. */
  public boolean isSkipped(String className) {
    return !matchesAny(kept, className) && matchesAny(skipped, className);
  }

  @Override
  public String toString() {
    return "CallerFrames{skipped="
        + Arrays.toString(skipped)
        + ", kept="
        + Arrays.toString(kept)
        + '}';
  }

  static String format(StackFrame frame) {
    String file = frame.getFileName();
    int line = frame.getLineNumber();
    StringBuilder sb =
        new StringBuilder(frame.getClassName())
            .append('.')
            .append(frame.getMethodName())
            .append('(');
    if (frame.isNativeMethod()) {
      sb.append("Native Method");
    } else if (file == null) {
      sb.append("Unknown Source");
    } else {
      sb.append(file);
      if (line >= 0) {
        sb.append(':').append(line);
      }
    }
    return sb.append(')').toString();
  }

  private static boolean matchesAny(String[] prefixes, String className) {
    // A linear scan: about 40 prefixes, only when a statement reaches the N+1 threshold.
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        int end = prefix.length();
        if (end == className.length()
            || prefix.charAt(end - 1) == '.'
            || className.charAt(end) == '.'
            || className.charAt(end) == '$') {
          return true;
        }
      }
    }
    return false;
  }

  private static String[] concat(String[] current, String[] more, String what) {
    Objects.requireNonNull(more, what + " prefixes");
    List<String> all = new ArrayList<>(Arrays.asList(current));
    for (String prefix : more) {
      if (prefix == null || prefix.isEmpty() || prefix.trim().length() != prefix.length()) {
        throw new IllegalArgumentException(
            what
                + " prefix must be a non-empty package or class name without spaces, got '"
                + prefix
                + "'");
      }
      all.add(prefix);
    }
    return all.toArray(new String[0]);
  }
}
