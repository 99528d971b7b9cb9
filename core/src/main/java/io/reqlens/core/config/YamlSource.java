package io.reqlens.core.config;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings from one block of a declarative configuration file ({@code OTEL_CONFIG_FILE}), given as
 * the map of its properties after the file was read (and {@code ${env:X}} substituted).
 *
 * <p>How YAML values become the environment grammar: a string as it is; a boolean or number as its
 * text ({@code true}, {@code 5}, {@code 0.1}), so {@code keep_errors: true} and {@code keep_errors:
 * "true"} are the same; a list of scalars (for list settings) joined with the setting's separator;
 * {@code null} or an empty list as unset. A map, or a list for a single-valued setting, is an
 * error.
 */
final class YamlSource extends ConfigSource {

  private final Map<String, ?> properties;
  private final String path;

  YamlSource(Map<String, ?> properties, String path) {
    this.properties = properties == null ? Collections.emptyMap() : properties;
    this.path = Objects.requireNonNull(path, "path");
  }

  @Override
  String text(Setting<?> setting) {
    Object value = properties.get(setting.property());
    if (value == null) {
      return null;
    }
    if (value instanceof List) {
      if (!setting.isList()) {
        throw invalid(setting, shown(value), "a list; accepted: " + setting.accepted());
      }
      List<String> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        if (!isScalar(item)) {
          throw invalid(
              setting,
              shown(value),
              "item "
                  + (items.size() + 1)
                  + " is not a single value; accepted: a list of "
                  + setting.accepted());
        }
        items.add(scalarText(item));
      }
      return trimToNull(String.join(setting.separator(), items));
    }
    if (!isScalar(value)) {
      throw invalid(setting, shown(value), "a mapping; accepted: " + setting.accepted());
    }
    return trimToNull(scalarText(value));
  }

  @Override
  public String name(Setting<?> setting) {
    return path + "." + setting.property();
  }

  @Override
  public void requireKnown(
      Collection<? extends Setting<?>> settings, Collection<String> structure) {
    Set<String> accepted = new TreeSet<>(structure);
    for (Setting<?> setting : settings) {
      accepted.add(setting.property());
    }
    for (Map.Entry<String, ?> entry : properties.entrySet()) {
      if (!accepted.contains(entry.getKey())) {
        throw new ConfigurationException(
            "Unknown property "
                + path
                + "."
                + entry.getKey()
                + " (value '"
                + shown(entry.getValue())
                + "'); accepted properties: "
                + String.join(", ", accepted));
      }
    }
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static String scalarText(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) {
        // 0.1 stays "0.1" and 1e-7 becomes "0.0000001", never "1.0E-7"
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
      }
    }
    return String.valueOf(value);
  }

  private static String shown(Object value) {
    return String.valueOf(value);
  }
}
