package io.reqlens.report.internal.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Resolves the command's {@code DIR|FILE} arguments to the event files to read, in order.
 *
 * <p>A folder contributes its closed files {@code events-*.jsonl} sorted by name (the name starts
 * with the rotation time, so this is oldest first) and then its active files {@code
 * events-*.jsonl.active} (the newest lines). A file named explicitly is read whatever its name.
 */
public final class InputFiles {

  /** The files to read, in order, and one message per argument that gave nothing. */
  public static final class Listing {
    public final List<Path> files = new ArrayList<>();
    public final List<String> problems = new ArrayList<>();
  }

  private InputFiles() {}

  /** Lists {@code args}; never throws: problems are collected as messages. */
  public static Listing list(List<Path> args) {
    Listing listing = new Listing();
    for (Path arg : args) {
      if (Files.isDirectory(arg)) {
        listFolder(arg, listing);
      } else if (Files.isRegularFile(arg)) {
        listing.files.add(arg);
      } else if (Files.exists(arg)) {
        listing.problems.add(arg + ": not a regular file or folder, skipped");
      } else {
        listing.problems.add(arg + ": no such file or folder");
      }
    }
    return listing;
  }

  /** True for the names the {@code req} exporter writes: closed or active event files. */
  public static boolean isEventFileName(String name) {
    return name.startsWith("events-")
        && (name.endsWith(".jsonl") || name.endsWith(".jsonl.active"));
  }

  private static void listFolder(Path dir, Listing listing) {
    List<Path> closed = new ArrayList<>();
    List<Path> active = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (isEventFileName(name)) {
          (name.endsWith(".active") ? active : closed).add(p);
        }
      }
    } catch (IOException e) {
      listing.problems.add(dir + ": cannot list folder (" + Messages.reason(e) + ")");
      return;
    }
    if (closed.isEmpty() && active.isEmpty()) {
      listing.problems.add(dir + ": no event files (events-*.jsonl) in this folder");
      return;
    }
    Collections.sort(closed);
    Collections.sort(active);
    listing.files.addAll(closed);
    listing.files.addAll(active);
  }
}
