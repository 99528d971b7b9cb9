package io.reqlens.sampler.localtrace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A span's own attributes with Reqlens' stamps and redactions on top, as a view.
 *
 * <p>Why a view rather than {@code original.toBuilder().putAll(overrides).build()}? That copy runs
 * for every exported root span and allocates the whole attribute list three or four times over
 * (builder list, its growth, the sorted array, the de-duplicated one): about 1 KB for an agent's
 * server span, which the overhead harness found among the largest costs Reqlens added per request.
 * Exporters only iterate ({@link #forEach}) and count ({@link #size}), which a view answers with
 * one object.
 *
 * <p>The overridden keys are found once, at construction. Stamps ({@code reqlens.*}) are new keys
 * (the processor does not restate the sampler's {@code reqlens.kept_by}), so usually {@code
 * shadowed} is empty and iteration is the two lists back to back; a redaction replaces {@code
 * url.query}/{@code url.full}, and a tail decision {@code reqlens.kept_by}, whose originals are
 * then skipped.
 */
final class MergedAttributes implements Attributes {

  private static final AttributeKey<?>[] NONE = new AttributeKey<?>[0];

  private final Attributes original;
  private final Attributes overrides;
  private AttributeKey<?>[] shadowed; // keys of original that overrides replace; set in <init>
  private final int size;

  private MergedAttributes(Attributes original, Attributes overrides) {
    this.original = original;
    this.overrides = overrides;
    this.shadowed = NONE;
    overrides.forEach(this::noteIfShadowed); // not asMap(): that wraps and iterates, allocating
    this.size = original.size() + overrides.size() - shadowed.length;
  }

  private void noteIfShadowed(AttributeKey<?> key, Object value) {
    if (original.get(key) != null) {
      shadowed = Arrays.copyOf(shadowed, shadowed.length + 1); // rare: one or two keys at most
      shadowed[shadowed.length - 1] = key;
    }
  }

  /** {@code original} with {@code overrides} on top; one of them as is when the other is empty. */
  static Attributes of(Attributes original, Attributes overrides) {
    if (overrides.isEmpty()) {
      return original;
    }
    return original.isEmpty() ? overrides : new MergedAttributes(original, overrides);
  }

  @Override
  public <T> T get(AttributeKey<T> key) {
    T value = overrides.get(key);
    return value != null ? value : original.get(key);
  }

  @Override
  public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
    if (shadowed.length == 0) {
      original.forEach(consumer);
    } else {
      original.forEach(
          (key, value) -> {
            if (!isShadowed(key)) {
              consumer.accept(key, value);
            }
          });
    }
    overrides.forEach(consumer);
  }

  private boolean isShadowed(AttributeKey<?> key) {
    for (AttributeKey<?> s : shadowed) {
      if (s.equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Map<AttributeKey<?>, Object> asMap() {
    Map<AttributeKey<?>, Object> map = new LinkedHashMap<>();
    forEach(map::put);
    return java.util.Collections.unmodifiableMap(map);
  }

  @Override
  public AttributesBuilder toBuilder() {
    return original.toBuilder().putAll(overrides);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes && asMap().equals(((Attributes) o).asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
