package io.reqlens.instrumentation.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP methods reported as themselves; any other is reported as {@code _OTHER} (semconv), which
 * keeps span names and metrics bounded.
 *
 * <p>This class is internal and is hence not for public use. Its API is unstable and can change at
 * any time.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class KnownMethods {

  /** RFC 9110 methods plus PATCH, as the instrumentation-api defaults. */
  public static final Set<String> DEFAULT =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              Arrays.asList(
                  "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE")));

  private KnownMethods() {}

  /**
   * Validates and copies a method set.
   *
   * @throws IllegalArgumentException for an empty set or a method that is not upper case
   */
  public static Set<String> validate(Collection<String> methods) {
    if (methods == null || methods.isEmpty()) {
      throw new IllegalArgumentException("knownMethods must name at least one method");
    }
    Set<String> copy = new LinkedHashSet<>();
    for (String method : methods) {
      if (method == null || method.isEmpty() || !method.equals(method.toUpperCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "knownMethods: '" + method + "' is not an upper-case HTTP method such as GET");
      }
      copy.add(method);
    }
    return Collections.unmodifiableSet(copy);
  }
}
