package io.reqlens.core.config.testing;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.common.ComponentLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Test support for configuration files without the SDK's declarative-config module (not served by
 * the Maven repository this project builds from): YAML read by the same library the SDK uses
 * (snakeyaml-engine), and an in-memory {@link DeclarativeConfigProperties} with the SDK's typing
 * rules ({@code YamlDeclarativeConfigProperties} in 1.67: a string is only a string, integers are
 * longs, a float is a double, lists and mappings are structured). The real SDK class runs in the
 * end-to-end tests under the agent.
 */
public final class YamlConfig {

  private YamlConfig() {}

  /** Reads a YAML document into maps, lists and scalars. */
  @SuppressWarnings("unchecked") // a configuration file's root is a mapping
  public static Map<String, Object> read(String yaml) {
    Object root = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return root == null ? new LinkedHashMap<>() : (Map<String, Object>) root;
  }

  /** Properties over {@code map}, as the SDK hands them to a {@code ComponentProvider}. */
  public static DeclarativeConfigProperties properties(Map<String, ?> map) {
    return new Props(map == null ? Collections.emptyMap() : map);
  }

  /** Reads {@code yaml} and wraps it as properties. */
  public static DeclarativeConfigProperties properties(String yaml) {
    return properties(read(yaml));
  }

  private static final class Props implements DeclarativeConfigProperties {
    private final Map<String, ?> map;

    Props(Map<String, ?> map) {
      this.map = map;
    }

    @Override
    public String getString(String name) {
      Object v = map.get(name);
      return v instanceof String ? (String) v : null;
    }

    @Override
    public Boolean getBoolean(String name) {
      Object v = map.get(name);
      return v instanceof Boolean ? (Boolean) v : null;
    }

    @Override
    public Integer getInt(String name) {
      Object v = map.get(name);
      return v instanceof Integer || v instanceof Long ? ((Number) v).intValue() : null;
    }

    @Override
    public Long getLong(String name) {
      Object v = map.get(name);
      return v instanceof Integer || v instanceof Long ? ((Number) v).longValue() : null;
    }

    @Override
    public Double getDouble(String name) {
      Object v = map.get(name);
      return v instanceof Double || v instanceof Float ? ((Number) v).doubleValue() : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> List<T> getScalarList(String name, Class<T> type) {
      Object v = map.get(name);
      if (!(v instanceof List)) {
        return null;
      }
      List<T> out = new ArrayList<>();
      for (Object item : (List<?>) v) {
        if (type == Long.class && (item instanceof Integer || item instanceof Long)) {
          out.add((T) Long.valueOf(((Number) item).longValue()));
        } else if (type == Double.class && item instanceof Double) {
          out.add((T) item);
        } else if (type.isInstance(item) && !(item instanceof Map)) {
          out.add((T) item);
        }
      }
      return ((List<?>) v).isEmpty() ? Collections.emptyList() : out.isEmpty() ? null : out;
    }

    @Override
    public boolean isString(String name) {
      return map.get(name) instanceof String;
    }

    @Override
    public boolean isBoolean(String name) {
      return map.get(name) instanceof Boolean;
    }

    @Override
    public boolean isInt(String name) {
      return map.get(name) instanceof Integer;
    }

    @Override
    public boolean isLong(String name) {
      return map.get(name) instanceof Integer || map.get(name) instanceof Long;
    }

    @Override
    public boolean isDouble(String name) {
      return map.get(name) instanceof Double || map.get(name) instanceof Float;
    }

    @Override
    @SuppressWarnings("unchecked")
    public DeclarativeConfigProperties getStructured(String name) {
      Object v = map.get(name);
      return v instanceof Map ? new Props((Map<String, ?>) v) : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<DeclarativeConfigProperties> getStructuredList(String name) {
      Object v = map.get(name);
      if (!(v instanceof List) || ((List<?>) v).isEmpty()) {
        return null;
      }
      List<DeclarativeConfigProperties> out = new ArrayList<>();
      for (Object item : (List<?>) v) {
        if (!(item instanceof Map)) {
          return null;
        }
        out.add(new Props((Map<String, ?>) item));
      }
      return out;
    }

    @Override
    public Set<String> getPropertyKeys() {
      return new LinkedHashSet<>(map.keySet());
    }

    @Override
    public ComponentLoader getComponentLoader() {
      return ComponentLoader.forClassLoader(YamlConfig.class.getClassLoader());
    }

    @Override
    public String toString() {
      return "YamlConfig" + map;
    }
  }
}
