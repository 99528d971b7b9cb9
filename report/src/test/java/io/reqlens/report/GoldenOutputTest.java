package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The terminal and JSON reports of the checked-in fixture, compared with checked-in expected files.
 * After an intended change: {@code mvn -pl report test -Dtest=GoldenOutputTest
 * -Dreqlens.golden.update=true}, then review the diff.
 */
class GoldenOutputTest {

  private static final Path GOLDEN = Paths.get("src/test/resources/io/reqlens/report/golden");

  @Test
  void terminalReport() throws IOException {
    Cli r = Cli.run("--zone", "UTC", Fixtures.dir().toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertGolden("report.txt", r.out);
    for (String line : r.out.split("\n")) {
      assertThat(line.length()).as("too wide: %s", line).isLessThanOrEqualTo(112);
    }
  }

  @Test
  void terminalReportWithCompare() throws IOException {
    Cli r =
        Cli.run(
            "--zone",
            "UTC",
            "--top",
            "3",
            "--compare-versions",
            "1.0.0,1.1.0",
            Fixtures.dir().toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertGolden("report-compare.txt", r.out);
  }

  @Test
  void jsonReport() throws IOException {
    Cli r =
        Cli.run(
            "--zone",
            "UTC",
            "--json",
            "--compare-windows",
            "2026-11-20T09:00:00Z/2026-11-20T10:00:00Z,2026-11-20T10:00:00Z/2026-11-20T11:00:00Z",
            Fixtures.dir().toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertGolden("report.json", r.out);
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("reqlens.golden.update") || !Files.exists(file)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
