package io.reqlens.report.internal.replay;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files a replay reads. In a folder: the closed span files {@code spans-*.jsonl}, oldest
 * first (their names start with the UTC time they were opened). Files named on the command line are
 * read whatever their name.
 *
 * <p>Why are active files ({@code *.jsonl.active}) skipped in folders? The writer still appends to
 * them and renames them when they rotate. The checkpoint knows a file by its path, so spans
 * replayed from {@code spans-….jsonl.active} would be replayed again from the closed file it
 * becomes. Name one explicitly when that is what you want (for example the writer is gone for
 * good); a later replay of the folder will then send those spans again.
 */
final class SpanFiles {

  final List<Path> files = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  int activeSkipped;

  private SpanFiles() {}

  static SpanFiles list(List<Path> inputs) {
    SpanFiles r = new SpanFiles();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(in)) {
          for (Path p : ds) {
            String name = p.getFileName().toString();
            if (isSpanFile(name) && Files.isRegularFile(p)) {
              found.add(p);
            } else if (name.startsWith("spans-") && name.endsWith(".jsonl.active")) {
              r.activeSkipped++;
            }
          }
        } catch (IOException e) {
          r.problems.add(in + ": cannot list (" + e.getMessage() + ")");
          continue;
        }
        found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        if (found.isEmpty()) {
          r.problems.add(in + ": no span files (spans-*.jsonl) in this folder");
        }
        for (Path p : found) {
          add(r, seen, p);
        }
      } else if (Files.isRegularFile(in)) {
        add(r, seen, in);
      } else if (Files.exists(in)) {
        r.problems.add(in + ": not a regular file or folder, skipped");
      } else {
        r.problems.add(in + ": no such file or folder");
      }
    }
    return r;
  }

  private static void add(SpanFiles r, Set<Path> seen, Path p) {
    Path key;
    try {
      key = p.toRealPath();
    } catch (IOException e) {
      key = p.toAbsolutePath().normalize();
    }
    if (seen.add(key)) {
      r.files.add(key);
    }
  }

  static boolean isSpanFile(String name) {
    return name.startsWith("spans-") && name.endsWith(".jsonl");
  }
}
