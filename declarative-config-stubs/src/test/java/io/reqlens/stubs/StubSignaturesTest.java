package io.reqlens.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public member of every stub exists, with the same signature, in the real OpenTelemetry 1.67
 * class inside the Java agent 2.33.1 ({@code inst/…/X.classdata}; the agent relocates the API to
 * {@code io.opentelemetry.javaagent.shaded.io.opentelemetry}, which is undone for comparing). So
 * code compiled against the stubs links against the real classes.
 */
class StubSignaturesTest {

  private static final Path STUBS = Paths.get(System.getProperty("reqlens.stub.classes"));
  private static final Path AGENT = Paths.get(System.getProperty("reqlens.agent.jar"));

  static Stream<String> stubClasses() throws IOException {
    try (Stream<Path> files = Files.walk(STUBS)) {
      List<String> names =
          files
              .map(STUBS::relativize)
              .map(Path::toString)
              .filter(p -> p.endsWith(".class") && !p.endsWith("package-info.class"))
              .map(p -> p.replace('\\', '/'))
              .sorted()
              .collect(Collectors.toList());
      assertThat(names).hasSizeGreaterThanOrEqualTo(9);
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("stubClasses")
  void everyStubMemberExistsInTheAgentsClass(String classFile, @TempDir Path tmp)
      throws IOException {
    Path real = tmp.resolve(Paths.get(classFile).getFileName());
    try (ZipFile agent = new ZipFile(AGENT.toFile())) {
      ZipEntry entry = agent.getEntry("inst/" + classFile.replace(".class", ".classdata"));
      assertThat(entry).as("the agent has no %s", classFile).isNotNull();
      try (InputStream in = agent.getInputStream(entry)) {
        Files.copy(in, real);
      }
    }
    List<String> realMembers =
        members(javap(real)).stream()
            .map(line -> line.replace("io.opentelemetry.javaagent.shaded.", ""))
            .collect(Collectors.toList());
    List<String> stubMembers = members(javap(STUBS.resolve(classFile)));
    assertThat(stubMembers).isNotEmpty();
    assertThat(realMembers).containsAll(stubMembers);
  }

  private static List<String> members(String javapOutput) {
    return javapOutput
        .lines()
        .map(String::trim)
        .filter(line -> line.startsWith("public") || line.startsWith("protected"))
        .collect(Collectors.toList());
  }

  private static String javap(Path classFile) {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    int rc = javap.run(new PrintWriter(out), new PrintWriter(out), "-public", classFile.toString());
    assertThat(rc).as(out.toString()).isZero();
    return out.toString();
  }
}
