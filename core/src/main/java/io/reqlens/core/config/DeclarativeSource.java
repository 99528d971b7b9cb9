package io.reqlens.core.config;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings from the properties the SDK hands a {@code ComponentProvider} ({@code
 * DeclarativeConfigProperties}): turned into the plain map {@link ConfigSource#yaml} reads, so a
 * component reads and rejects exactly what the model check before it did.
 *
 * <p>Why not {@code DeclarativeConfigProperties.toMap}? It asks every property for a string first,
 * and the SDK logs a warning for each property that is not one; {@code isString}/{@code isLong}/…
 * ask without a warning.
 *
 * <p>Only ComponentProviders use this class: the incubator API it needs is present wherever a
 * configuration file is (the agent, apps with declarative configuration), and only there.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class DeclarativeSource {

  private DeclarativeSource() {}

  /** The settings of one component block, named {@code path} in messages. */
  public static ConfigSource of(DeclarativeConfigProperties properties, String path) {
    return ConfigSource.yaml(toMap(properties), path);
  }

  /** Scalars, lists and nested blocks as plain Java values (a list of mixed scalars excepted). */
  public static Map<String, Object> toMap(DeclarativeConfigProperties properties) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (properties == null) {
      return map;
    }
    for (String key : properties.getPropertyKeys()) {
      map.put(key, value(properties, key));
    }
    return map;
  }

  private static Object value(DeclarativeConfigProperties p, String key) {
    if (p.isString(key)) {
      return p.getString(key);
    }
    if (p.isBoolean(key)) {
      return p.getBoolean(key);
    }
    if (p.isLong(key) || p.isInt(key)) {
      return p.getLong(key);
    }
    if (p.isDouble(key)) {
      return p.getDouble(key);
    }
    DeclarativeConfigProperties structured = p.getStructured(key);
    if (structured != null) {
      return toMap(structured);
    }
    List<DeclarativeConfigProperties> structuredList = p.getStructuredList(key);
    if (structuredList != null) {
      List<Object> maps = new ArrayList<>();
      for (DeclarativeConfigProperties item : structuredList) {
        maps.add(toMap(item));
      }
      return maps;
    }
    for (Class<?> type : new Class<?>[] {String.class, Long.class, Double.class, Boolean.class}) {
      List<?> list = p.getScalarList(key, type);
      if (list != null && !list.isEmpty()) {
        return list;
      }
    }
    return null; // null in the file, or an empty list: both mean unset
  }
}
