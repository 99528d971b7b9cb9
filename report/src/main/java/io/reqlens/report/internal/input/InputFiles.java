package io.reqlens.report.internal.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Resolves the command's {@code DIR|FILE} arguments to the event files to read, in order.
 *
 * <p>A folder contributes its closed files {@code events-*.jsonl} sorted by name (the name starts
 * with the rotation time, so this is oldest first) and then its active files {@code
 * events-*.jsonl.active} (the newest lines). A file named explicitly is read whatever its name.
 * Entries found in a folder are not opened here: the reader checks each is a regular file right
 * before opening it, so a FIFO or a link to a device named like an event file is skipped and
 * counted, never opened (opening a FIFO blocks until a writer comes).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class InputFiles {

  /** The files to read, in order, and one message per argument that gave nothing. */
  public static final class Listing {
    public final List<Path> files = new ArrayList<>();
    public final List<String> problems = new ArrayList<>();
  }

  /** What a FIFO, device or socket is called in messages. */
  static final String NOT_REGULAR = "not a regular file or folder (a FIFO, device or socket)";

  private InputFiles() {}

  /** Lists {@code args}; never throws: problems are collected as messages. */
  public static Listing list(List<Path> args) {
    Listing listing = new Listing();
    for (Path arg : args) {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(arg, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        listing.problems.add(arg + ": no such file or folder");
        continue;
      } catch (IOException | RuntimeException e) {
        // Not "no such file": a folder on the way may be unreadable, a link may loop.
        listing.problems.add(arg + ": cannot read (" + Messages.reason(e) + ")");
        continue;
      }
      if (a.isDirectory()) {
        listFolder(arg, listing);
      } else if (a.isRegularFile()) {
        listing.files.add(arg);
      } else {
        listing.problems.add(arg + ": " + NOT_REGULAR + ", skipped");
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
