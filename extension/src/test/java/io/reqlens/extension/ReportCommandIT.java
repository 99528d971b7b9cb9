package io.reqlens.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar reqlens-javaagent-extension.jar ...}: the report from the one shaded jar. */
class ReportCommandIT {

  private static final Path JAR = Paths.get(System.getProperty("reqlens.extension.jar"));
  private static final Path FIXTURE = Paths.get(System.getProperty("reqlens.report.fixture"));

  @Test
  void manifestNamesTheMainClass() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.reqlens.report.ReqlensReport");
      assertThat(jar.getJarEntry("META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js"))
          .isNotNull();
    }
  }

  @Test
  void noArgumentsPrintsUsage() throws Exception {
    Result r = java();
    assertThat(r.code).isZero();
    assertThat(r.out).contains("Usage:").contains("report");
  }

  @Test
  void versionAndHelp() throws Exception {
    assertThat(java("--version").out).contains("reqlens ");
    Result help = java("report", "--help");
    assertThat(help.code).isZero();
    assertThat(help.out).contains("--since").contains("--compare-versions").contains("Exit codes");
  }

  @Test
  void reportsTheFixtureAsTextJsonAndHtml(@TempDir Path tmp) throws Exception {
    Path html = tmp.resolve("report.html");
    Result r = java("report", "--zone", "UTC", "--html", html.toString(), FIXTURE.toString());
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out)
        .contains("HIGHLIGHTS")
        .contains("GET /api/slow")
        .contains("N+1 suspect")
        .contains("HTML report: ");
    assertThat(Files.readString(html))
        .contains("<canvas id=\"chart-latency\"")
        .contains("GET /api/users/{id}")
        .doesNotContain("src=\"http");
    Result json = java("report", "--json", FIXTURE.toString());
    assertThat(json.code).isZero();
    assertThat(json.out).startsWith("{").contains("\"schema\" : 1");
  }

  @Test
  void badOptionIsAUsageError() throws Exception {
    Result r = java("report", "--since", "yesterday-ish", FIXTURE.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("--since");
  }

  private static Result java(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    // Read both streams fully; outputs here are small enough not to block the child.
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static final class Result {
    final int code;
    final String out;
    final String err;

    Result(int code, String out, String err) {
      this.code = code;
      this.out = out;
      this.err = err;
    }
  }
}
