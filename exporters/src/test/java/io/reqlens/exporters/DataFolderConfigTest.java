package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.internal.JsonlSpanExporterProvider;
import io.reqlens.exporters.internal.ReqEventExporterProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every data-folder key is checked at start (issue 15, finding 5): a folder that exists, or can be
 * created, and is writable; otherwise start-up fails naming the key, the value and why, instead of
 * the first export failing later with a warning that does not name the key.
 */
class DataFolderConfigTest {

  @TempDir Path tmp;

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of("otel.exporter.jsonl.directory", new JsonlSpanExporterProvider()),
        Arguments.of("otel.exporter.req.directory", new ReqEventExporterProvider()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void aRegularFileIsRejectedNamingTheKey(String key, ConfigurableSpanExporterProvider provider)
      throws Exception {
    Path file = Files.write(tmp.resolve("file"), "x".getBytes(StandardCharsets.UTF_8));
    assertRejected(provider, key, file, "not a folder");
    assertRejected(provider, key, file.resolve("below"), "cannot be created");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void anUnwritableFolderIsRejectedNamingTheKey(
      String key, ConfigurableSpanExporterProvider provider) throws Exception {
    Path ro = tmp.resolve("ro");
    SmallFileSystem mounted = null;
    if (ChildJvm.isRoot()) {
      // root ignores permission bits: a read-only file system refuses root too.
      SmallFileSystem.Attempt a = SmallFileSystem.mount(ro, "64k");
      if (a.fs == null) {
        System.out.println("DataFolderConfigTest: read-only case not run as root: " + a.whyNot);
        org.junit.jupiter.api.Assumptions.abort("read-only case needs mount as root: " + a.whyNot);
      }
      mounted = a.fs;
      mounted.remountReadOnly();
    } else {
      Files.createDirectory(ro);
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-x------"));
    }
    try {
      assertRejected(provider, key, ro, "not writable");
      assertRejected(provider, key, ro.resolve("sub"), "cannot be created");
    } finally {
      if (mounted != null) {
        mounted.close();
      } else {
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void aMissingFolderThatCanBeCreatedIsAccepted(
      String key, ConfigurableSpanExporterProvider provider) {
    Path dir = tmp.resolve("a/b/c");
    SpanExporter e =
        provider.createExporter(DefaultConfigProperties.createFromMap(Map.of(key, dir.toString())));
    assertThat(e.shutdown().isSuccess()).isTrue();
  }

  private static void assertRejected(
      ConfigurableSpanExporterProvider provider, String key, Path value, String why) {
    String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    assertThatThrownBy(
            () ->
                provider.createExporter(
                    DefaultConfigProperties.createFromMap(Map.of(key, value.toString()))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid value for " + env + " (" + key + "): '" + value + "'")
        .hasMessageContaining(why)
        .hasMessageContaining("accepted: a folder that exists or can be created");
  }
}
