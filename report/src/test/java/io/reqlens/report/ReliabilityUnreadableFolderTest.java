package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A file inside a folder the user may not search is reported as "permission denied", not "no such
 * file" (issue 15, finding 6). Permission bits mean nothing to root, so as root the report runs in
 * a child JVM as uid 65534 through {@code setpriv}, with a copy of the class path it can read.
 */
class ReliabilityUnreadableFolderTest {

  @Test
  void aFileInAnUnsearchableFolderIsPermissionDeniedNotMissing() throws Exception {
    boolean root = isRoot();
    if (root && !Files.isExecutable(Paths.get("/usr/bin/setpriv"))) {
      System.out.println("RELIABILITY report-unreadable-folder SKIPPED: root without setpriv");
      Assumptions.abort("running as root without setpriv: cannot drop to an unprivileged user");
    }
    Path base = Files.createTempDirectory(Paths.get("/tmp"), "reqlens-unreadable-");
    try {
      Path locked = Files.createDirectory(base.resolve("locked"));
      Path file = locked.resolve("events-20261120T090000.000Z-1-a-1.jsonl");
      Files.write(file, "{}\n".getBytes(StandardCharsets.UTF_8));
      List<String> cmd = new ArrayList<>();
      if (root) {
        String cp = readableCopy(base.resolve("cp"));
        open(base);
        cmd.addAll(
            List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        cmd.addAll(List.of(java(), "-XX:-UsePerfData", "-cp", cp));
      } else {
        cmd.addAll(List.of(java(), "-cp", System.getProperty("java.class.path")));
      }
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
      if (!root) {
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
      }
      cmd.addAll(List.of(ReqlensReport.class.getName(), "report", file.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      System.out.println(
          "RELIABILITY report-unreadable-folder ["
              + (root ? "uid 65534" : "user")
              + "] exit="
              + p.exitValue()
              + " message="
              + out.trim().split("\n")[0]);
      assertThat(out).contains(file + ": cannot read (permission denied)");
      assertThat(out).doesNotContain("no such file");
      assertThat(p.exitValue()).isEqualTo(3);
    } finally {
      Files.setPosixFilePermissions(
          base.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
      try (Stream<Path> s = Files.walk(base)) {
        for (Path q : s.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.deleteIfExists(q);
        }
      }
    }
  }

  static boolean isRoot() throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
      if (line.startsWith("Uid:")) {
        return line.split("\\s+")[1].equals("0");
      }
    }
    return false;
  }

  private static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Copies the class path where uid 65534 can read it (root's Maven repository is private). */
  private static String readableCopy(Path into) throws IOException {
    Files.createDirectories(into);
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path src = Paths.get(e);
      if (Files.isRegularFile(src)) {
        Path dst = into.resolve((i++) + ".jar");
        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        entries.add(dst.toString());
      } else if (Files.isDirectory(src)) {
        Path dst = into.resolve(String.valueOf(i++));
        try (Stream<Path> s = Files.walk(src)) {
          for (Path q : s.collect(Collectors.toList())) {
            Path t = dst.resolve(src.relativize(q).toString());
            if (Files.isDirectory(q)) {
              Files.createDirectories(t);
            } else {
              Files.copy(q, t, StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
        entries.add(dst.toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Everything under {@code base} readable by all, except what the test locks afterwards. */
  private static void open(Path base) throws IOException {
    try (Stream<Path> s = Files.walk(base)) {
      for (Path p : s.collect(Collectors.toList())) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }
}
