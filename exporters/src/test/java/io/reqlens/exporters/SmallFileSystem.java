package io.reqlens.exporters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small tmpfs mounted for a test, when the test runs as root and {@code mount} works here;
 * otherwise {@link #mount} says why not, and the test uses its simulated path instead.
 */
final class SmallFileSystem implements AutoCloseable {

  final Path mountPoint;

  private SmallFileSystem(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Result of trying to mount: the file system, or the reason there is none. */
  static final class Attempt {
    final SmallFileSystem fs;
    final String whyNot;

    Attempt(SmallFileSystem fs, String whyNot) {
      this.fs = fs;
      this.whyNot = whyNot;
    }
  }

  static Attempt mount(Path mountPoint, String size) throws IOException, InterruptedException {
    if (Boolean.getBoolean("reqlens.test.simulate")) {
      return new Attempt(null, "-Dreqlens.test.simulate=true");
    }
    if (!ChildJvm.isRoot()) {
      return new Attempt(null, "not running as root");
    }
    if (!Files.isExecutable(Paths.get("/bin/mount"))
        && !Files.isExecutable(Paths.get("/usr/bin/mount"))) {
      return new Attempt(null, "no mount command");
    }
    Files.createDirectories(mountPoint);
    String out =
        run(
            "mount",
            "-t",
            "tmpfs",
            "-o",
            "size=" + size + ",mode=0700",
            "reqlens-test",
            mountPoint.toString());
    if (out != null) {
      return new Attempt(null, "mount failed: " + out);
    }
    return new Attempt(new SmallFileSystem(mountPoint), null);
  }

  /** Grows the file system (the operator freed space). */
  void resize(String size) throws IOException, InterruptedException {
    String out = run("mount", "-o", "remount,size=" + size, mountPoint.toString());
    if (out != null) {
      throw new IOException("remount failed: " + out);
    }
  }

  /** Makes the file system read-only: refused even to root. */
  void remountReadOnly() throws IOException, InterruptedException {
    String out = run("mount", "-o", "remount,ro", mountPoint.toString());
    if (out != null) {
      throw new IOException("remount ro failed: " + out);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    String out = run("umount", mountPoint.toString());
    if (out != null) {
      run("umount", "-l", mountPoint.toString());
    }
  }

  /** Runs a command; null on success, else its output and exit code. */
  private static String run(String... cmd) throws IOException, InterruptedException {
    List<String> c = new ArrayList<>(List.of(cmd));
    Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0
        ? null
        : new String(out, StandardCharsets.UTF_8).trim() + " (exit " + p.exitValue() + ")";
  }
}
