package io.reqlens.exporters;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of one writer's files, unique across rotations in the same millisecond and across
 * processes writing the same folder.
 *
 * <ul>
 *   <li>active: {@code <prefix>-<pid>-<instance>.jsonl.active} — never matches {@code *.jsonl};
 *   <li>closed: {@code <prefix>-<yyyyMMdd'T'HHmmss.SSS'Z'>-<pid>-<instance>-<seq>.jsonl}, the time
 *       being when the file was opened (UTC), so names sort oldest first;
 *   <li>repaired leftovers: {@code <prefix>-<time>-<pid>-<instance>-repaired.jsonl}.
 * </ul>
 *
 * <p>{@code pid} tells people which process wrote a file; {@code instance} (random, 6 hex digits)
 * keeps names apart when two containers share a volume and both run as pid 1; {@code seq} counts
 * this writer's files, so two rotations in one millisecond still get two names.
 */
final class FileNames {

  static final String CLOSED_SUFFIX = ".jsonl";
  static final String ACTIVE_SUFFIX = ".jsonl.active";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String prefix;
  private final long pid;
  private String instance;
  private long seq;

  FileNames(String prefix) {
    this.prefix = prefix;
    this.pid = ProcessHandle.current().pid();
    renew();
  }

  /** Picks a new random instance id, e.g. after losing a race for an active file name. */
  void renew() {
    instance = String.format(Locale.ROOT, "%06x", RANDOM.nextInt(1 << 24));
  }

  String active() {
    return prefix + "-" + pid + "-" + instance + ACTIVE_SUFFIX;
  }

  /** The next closed name for a file opened at {@code openedEpochMillis}. */
  String nextClosed(long openedEpochMillis) {
    // Zero-padded so that names of one millisecond still sort in order.
    String n = String.format(Locale.ROOT, "%06d", seq++);
    return prefix
        + "-"
        + time(openedEpochMillis)
        + "-"
        + pid
        + "-"
        + instance
        + "-"
        + n
        + CLOSED_SUFFIX;
  }

  /** The closed name for a leftover active file {@code activeName}, last modified at the time. */
  static String repaired(String prefix, String activeName, long modifiedEpochMillis, int attempt) {
    String owner =
        activeName.substring(prefix.length() + 1, activeName.length() - ACTIVE_SUFFIX.length());
    return prefix
        + "-"
        + time(modifiedEpochMillis)
        + "-"
        + owner
        + "-repaired"
        + (attempt == 0 ? "" : "-" + attempt)
        + CLOSED_SUFFIX;
  }

  static String time(long epochMillis) {
    return TIME.format(Instant.ofEpochMilli(epochMillis));
  }

  /** Closed files of {@code prefix}, whatever process wrote them. */
  static Pattern closedPattern(String prefix) {
    return Pattern.compile(
        Pattern.quote(prefix) + "-\\d{8}T\\d{6}\\.\\d{3}Z-.+" + Pattern.quote(CLOSED_SUFFIX));
  }

  /** Active files of {@code prefix}, whatever process writes them. */
  static boolean isActive(String prefix, Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(prefix + "-") && name.endsWith(ACTIVE_SUFFIX);
  }
}
