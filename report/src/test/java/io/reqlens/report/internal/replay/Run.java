package io.reqlens.report.internal.replay;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.report.internal.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One {@code replay} on the command line (through picocli, as users run it), captured. */
final class Run {

  /** "now" for relative times: a fixed clock, an hour after the test spans. */
  static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(ReplaySpans.T0 / 1_000_000_000L + 3600), ZoneOffset.UTC);

  final int code;
  final String out;
  final String err;

  private Run(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  /** {@code replay ARGS... DIR} with no OTEL_* variables around, no progress lines. */
  static Run of(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of("replay", "--no-progress"));
    all.addAll(List.of(args));
    all.add(dir.toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(new PrintWriter(out), new PrintWriter(err), CLOCK, all.toArray(new String[0]));
    return new Run(code, out.toString(), err.toString());
  }

  /** The same through {@link Replay} directly, with a given exporter and environment. */
  static Run direct(ReplayOptions o, SpanExporter exporter, Map<String, String> env) {
    o.env = env;
    o.progress = false;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      int code =
          new Replay(o, new PrintWriter(out, true), new PrintWriter(err, true))
              .exporter(exporter)
              .sleeper(d -> {})
              .run();
      return new Run(code, out.toString(), err.toString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
