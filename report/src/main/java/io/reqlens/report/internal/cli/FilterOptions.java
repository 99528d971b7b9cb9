package io.reqlens.report.internal.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The request filters shared by {@code report} and {@code serve} (a picocli mixin): both commands
 * take the same options with the same meaning, parsed once by {@link OptionsParser#filter}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class FilterOptions {

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description =
          "Only requests started at or after TIME: 15m (before now), 2h, 7d, "
              + "2026-11-20T10:00:00Z, '2026-11-20 10:00' (in --zone) or 2026-11-20.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      description = "Only requests started before TIME.")
  String until;

  @Option(
      names = "--route",
      paramLabel = "PATTERN",
      description = "Only these routes (repeatable): exact, * in a segment, ** across, ~REGEX.")
  List<String> routes = new ArrayList<>();

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      split = ",",
      description = "Only these HTTP methods (repeatable or comma-separated).")
  List<String> methods = new ArrayList<>();

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      split = ",",
      description = "Only these statuses: 500, 5xx or 400-499 (repeatable or comma-separated).")
  List<String> statuses = new ArrayList<>();

  @Option(
      names = "--service",
      paramLabel = "NAME",
      split = ",",
      description = "Only these services (service.name; repeatable or comma-separated).")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--min-duration",
      paramLabel = "DURATION",
      description = "Only requests that took at least DURATION (250ms, 1.5s).")
  String minDuration;
}
