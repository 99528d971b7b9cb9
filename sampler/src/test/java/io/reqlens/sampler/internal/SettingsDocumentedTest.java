package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.core.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key of the settings table is documented in the root README, as variable and property. */
class SettingsDocumentedTest {

  static Stream<Setting<?>> keys() {
    return ReqlensSettings.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void theRootReadmeNamesTheVariableAndTheProperty(Setting<?> setting) throws IOException {
    String readme =
        new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
    assertThat(readme).contains("`" + setting.envName() + "`");
    assertThat(readme).contains(setting.property() + ":");
  }
}
