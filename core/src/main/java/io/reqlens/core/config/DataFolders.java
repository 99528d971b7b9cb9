package io.reqlens.core.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a data-folder key at start: the folder exists and is writable, or can be created (its
 * nearest existing ancestor is a writable folder). Otherwise start-up fails naming the key, instead
 * of the first export failing later with a warning that cannot name it.
 *
 * <p>What it cannot promise: the folder can still be removed, filled or made read-only later; the
 * writers recover from that at run time. Creating the folder is the writer's job (at start).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class DataFolders {

  static final String ACCEPTED =
      "accepted: a folder that exists or can be created, writable by this process";

  private DataFolders() {}

  /**
   * Why {@code dir} is not usable as a data folder, ending with what is accepted; null if it is.
   */
  public static String problem(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        return "exists but is not a folder; " + ACCEPTED;
      }
      if (!Files.isWritable(abs) || !Files.isExecutable(abs)) {
        return "the folder is not writable by this process" + user() + "; " + ACCEPTED;
      }
      return null;
    }
    Path parent = abs.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null) {
      return "cannot be created (no existing parent); " + ACCEPTED;
    }
    if (!Files.isDirectory(parent)) {
      return "cannot be created: " + parent + " is not a folder; " + ACCEPTED;
    }
    if (!Files.isExecutable(parent)) {
      return "cannot be reached: " + parent + " is not searchable" + user() + "; " + ACCEPTED;
    }
    if (!Files.isWritable(parent)) {
      return "cannot be created: " + parent + " is not writable" + user() + "; " + ACCEPTED;
    }
    return null;
  }

  private static String user() {
    String name = System.getProperty("user.name");
    return name == null ? "" : " (user " + name + ")";
  }
}
