package io.reqlens.core.config;

import java.util.Objects;

/**
 * One configuration key, described in one place: its declarative-configuration (YAML) property, its
 * environment key, how its text is parsed (with what is accepted), its default and what it means.
 * Every way of configuring Reqlens reads a key through its {@code Setting}, so the environment and
 * a configuration file cannot drift apart:
 *
 * <pre>{@code
 * static final Setting<Duration> KEEP_SLOWER_THAN =
 *     Setting.of("keep_slower_than", "otel.reqlens.keep.slower.than",
 *         Parsers.positiveDuration(), null, "keep local traces whose root took longer");
 * }</pre>
 *
 * <p>A <em>list</em> setting is one string with a separator in the environment ({@code /a,/b}) and
 * a YAML list ({@code [/a, /b]}) or that same string in a file; the file's items are joined with
 * the separator and parsed by the same parser, so both forms accept and reject exactly the same.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 *
 * @param <T> the parsed value
 */
public final class Setting<T> {

  private final String property;
  private final String key;
  private final String separator;
  private final Parser<T> parser;
  private final T defaultValue;
  private final String description;

  private Setting(
      String property,
      String key,
      String separator,
      Parser<T> parser,
      T defaultValue,
      String description) {
    this.property = Objects.requireNonNull(property, "property");
    this.key = Objects.requireNonNull(key, "key");
    this.separator = separator;
    this.parser = Objects.requireNonNull(parser, "parser");
    this.defaultValue = defaultValue;
    this.description = Objects.requireNonNull(description, "description");
  }

  /**
   * A single-valued setting.
   *
   * @param property the YAML property, the snake_case of the key ({@code keep_slower_than})
   * @param key the system-property form of the key ({@code otel.reqlens.keep.slower.than})
   * @param defaultValue used when unset; {@code null} means "off"
   */
  public static <T> Setting<T> of(
      String property, String key, Parser<T> parser, T defaultValue, String description) {
    return new Setting<>(property, key, null, parser, defaultValue, description);
  }

  /**
   * A list setting: one string joined by {@code separator} in the environment, a YAML list (or that
   * string) in a file.
   */
  public static <T> Setting<T> list(
      String property,
      String key,
      String separator,
      Parser<T> parser,
      T defaultValue,
      String description) {
    return new Setting<>(
        property, key, Objects.requireNonNull(separator), parser, defaultValue, description);
  }

  /** The YAML property ({@code keep_slower_than}). */
  public String property() {
    return property;
  }

  /** The system-property key ({@code otel.reqlens.keep.slower.than}). */
  public String key() {
    return key;
  }

  /** The environment variable ({@code OTEL_REQLENS_KEEP_SLOWER_THAN}). */
  public String envName() {
    return ConfigSupport.envName(key);
  }

  public boolean isList() {
    return separator != null;
  }

  /** How list items are joined into the environment form; {@code null} for a single value. */
  public String separator() {
    return separator;
  }

  /** What an error message says is accepted. */
  public String accepted() {
    return parser.accepted();
  }

  /** The value when unset; {@code null} means "off". */
  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /**
   * Parses the text form (environment grammar).
   *
   * @throws IllegalArgumentException saying what is wrong and what is accepted
   */
  public T parse(String text) {
    return parser.parse(text);
  }

  @Override
  public String toString() {
    return property + " (" + envName() + ")";
  }

  /**
   * Turns a setting's text into its value.
   *
   * @param <T> the parsed value
   */
  public interface Parser<T> {

    /**
     * Parses {@code text} (trimmed, never empty).
     *
     * @throws IllegalArgumentException saying what is wrong and, after "accepted:", what is
     *     accepted
     */
    T parse(String text);

    /** What is accepted, for messages about values of the wrong shape. */
    String accepted();
  }
}
