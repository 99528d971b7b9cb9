package io.reqlens.exporters;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child JVM running a test main with this test class path, spoken to line by line over stdin and
 * stdout; optionally as an unprivileged user ({@value #NOBODY}) when the tests run as root, since
 * root ignores permission bits.
 */
final class ChildJvm implements AutoCloseable {

  static final int NOBODY = 65534;

  private final Process process;
  private final PrintWriter in;
  private final BufferedReader out;

  private ChildJvm(Process process) {
    this.process = process;
    this.in =
        new PrintWriter(
            new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
            true);
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Whether this JVM runs as root (uid 0), read from /proc. */
  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[1].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** {@code setpriv} when it is there (util-linux), else null. */
  static String setpriv() {
    for (String p : new String[] {"/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv"}) {
      if (Files.isExecutable(Paths.get(p))) {
        return p;
      }
    }
    return null;
  }

  /** Starts {@code main} with {@code args} as this user. */
  static ChildJvm start(Class<?> main, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add("-XX:-UsePerfData");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return launch(cmd);
  }

  /**
   * Starts {@code main} as uid/gid {@value #NOBODY} through {@code setpriv}, with a copy of the
   * class path that user can read (the Maven repository under root's home is not readable to it)
   * placed in {@code shared}, a folder made traversable for it.
   */
  static ChildJvm startAsNobody(Path shared, Class<?> main, String... args) throws IOException {
    String cp = readableClassPath(shared.resolve("cp"));
    List<String> cmd = new ArrayList<>();
    cmd.add(setpriv());
    cmd.addAll(List.of("--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--", java()));
    cmd.add("-XX:-UsePerfData");
    cmd.add("-Djava.io.tmpdir=" + shared);
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return launch(cmd);
  }

  private static ChildJvm launch(List<String> cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    return new ChildJvm(pb.start());
  }

  private static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String readableClassPath(Path into) throws IOException {
    Files.createDirectories(into);
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path src = Paths.get(e);
      if (!Files.exists(src)) {
        continue;
      }
      Path dst = into.resolve((i++) + (Files.isDirectory(src) ? "" : ".jar"));
      if (Files.isDirectory(src)) {
        copyTree(src, dst);
      } else {
        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
      }
      entries.add(dst.toString());
    }
    openUp(into);
    return String.join(File.pathSeparator, entries);
  }

  private static void copyTree(Path src, Path dst) throws IOException {
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.collect(Collectors.toList())) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Makes a tree readable (and folders traversable) by everyone. */
  static void openUp(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.collect(Collectors.toList())) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  /** Sends one command and returns the child's one-line answer. */
  String ask(String command) throws IOException {
    in.println(command);
    String answer = out.readLine();
    if (answer == null) {
      throw new IOException("child exited before answering '" + command + "'");
    }
    return answer;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    in.close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
