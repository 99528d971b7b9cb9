package io.reqlens.exporters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.core.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file-exporter key is documented in the root README, as variable and property. */
class SettingsDocumentedTest {

  static Stream<Setting<?>> keys() {
    return Stream.concat(
        FileExporterSettings.JSONL.all().stream(), FileExporterSettings.REQ.all().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void theRootReadmeNamesTheVariableAndTheProperty(Setting<?> setting) throws IOException {
    String readme =
        new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
    String env = setting.envName();
    String suffix = env.substring(env.indexOf('_', "OTEL_EXPORTER_".length()));
    // the req table abbreviates the keys the jsonl table spells out: `…_REQ_DIRECTORY` /
    // `_ROTATE_…`
    assertThat(readme).containsAnyOf("`" + env + "`", "`" + suffix + "`");
    assertThat(readme).contains("`" + setting.property() + "`");
  }
}
