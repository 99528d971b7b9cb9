package io.reqlens.report.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** {@code serve}'s options: safe defaults, and usage errors that name the option. */
class ServeCommandTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void aNonLoopbackBindNeedsAllowRemote() {
    String[] r = run("serve", "--bind", "0.0.0.0", "some-dir");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2])
        .contains("--bind 0.0.0.0 is not a loopback address")
        .contains("--allow-remote");
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertThat(run("serve", "--window", "soon", "d")[2]).contains("invalid --window");
    assertThat(run("serve", "--window", "0s", "d")[2]).contains("--window must be longer than 0");
    assertThat(run("serve", "--max-requests", "0", "d")[2]).contains("--max-requests");
    assertThat(run("serve", "--status", "6xx", "d")[2]).contains("invalid --status");
    assertThat(run("serve", "--trace-link", "javascript:alert(1)", "d")[2])
        .contains("invalid --trace-link");
    assertThat(run("serve", "--bind", "no-such-host.invalid", "d")[0]).isEqualTo("2");
  }

  @Test
  void helpListsTheSafetyOptionsAndTheDefaults() {
    String[] r = run("serve", "--help");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1])
        .contains("--allow-remote")
        .contains("Default: 127.0.0.1")
        .contains("24h")
        .contains("--route=PATTERN");
    assertThat(run("--help")[1]).contains("serve");
  }
}
