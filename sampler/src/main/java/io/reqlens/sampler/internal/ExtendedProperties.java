package io.reqlens.sampler.internal;

import io.opentelemetry.api.incubator.config.ConfigProvider;
import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ExtendedDeclarativeConfigProperties;
import java.util.List;
import java.util.Set;

/**
 * The properties of an exporter nested in the {@code reqlens} processor, handed to its {@code
 * ComponentProvider} the way the SDK hands them to a top-level one: with the configuration's {@link
 * ConfigProvider} and component loader (the OTLP exporters require both).
 */
final class ExtendedProperties implements ExtendedDeclarativeConfigProperties {

  private final DeclarativeConfigProperties delegate;
  private final ConfigProvider configProvider;
  private final ComponentLoader componentLoader;

  ExtendedProperties(DeclarativeConfigProperties delegate, DeclarativeConfigProperties outer) {
    this.delegate = delegate;
    this.configProvider =
        outer instanceof ExtendedDeclarativeConfigProperties
            ? ((ExtendedDeclarativeConfigProperties) outer).getConfigProvider()
            : ConfigProvider.noop();
    this.componentLoader = outer.getComponentLoader();
  }

  @Override
  public ConfigProvider getConfigProvider() {
    return configProvider;
  }

  @Override
  public ComponentLoader getComponentLoader() {
    return componentLoader;
  }

  @Override
  public String getString(String name) {
    return delegate.getString(name);
  }

  @Override
  public Boolean getBoolean(String name) {
    return delegate.getBoolean(name);
  }

  @Override
  public Integer getInt(String name) {
    return delegate.getInt(name);
  }

  @Override
  public Long getLong(String name) {
    return delegate.getLong(name);
  }

  @Override
  public Double getDouble(String name) {
    return delegate.getDouble(name);
  }

  @Override
  public <T> List<T> getScalarList(String name, Class<T> scalarType) {
    return delegate.getScalarList(name, scalarType);
  }

  @Override
  public boolean isString(String name) {
    return delegate.isString(name);
  }

  @Override
  public boolean isBoolean(String name) {
    return delegate.isBoolean(name);
  }

  @Override
  public boolean isInt(String name) {
    return delegate.isInt(name);
  }

  @Override
  public boolean isLong(String name) {
    return delegate.isLong(name);
  }

  @Override
  public boolean isDouble(String name) {
    return delegate.isDouble(name);
  }

  @Override
  public DeclarativeConfigProperties getStructured(String name) {
    return delegate.getStructured(name);
  }

  @Override
  public List<DeclarativeConfigProperties> getStructuredList(String name) {
    return delegate.getStructuredList(name);
  }

  @Override
  public Set<String> getPropertyKeys() {
    return delegate.getPropertyKeys();
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
