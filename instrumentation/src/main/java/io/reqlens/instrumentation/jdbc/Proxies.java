package io.reqlens.instrumentation.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Creates the JDBC wrappers as {@link Proxy dynamic proxies}.
 *
 * <p>Why proxies rather than hand-written delegating classes? A hand-written CallableStatement
 * wrapper alone delegates some 200 methods and must be edited for every JDBC version; a proxy is
 * complete by construction, and it also implements the driver's or pool's own public interfaces (a
 * {@code Closeable} DataSource stays {@code Closeable}). The price is one reflective call per JDBC
 * method (tens of nanoseconds once the JIT inlines it), small next to a statement's round trip, and
 * measured by {@code InstrumentationBenchmark}.
 */
final class Proxies {

  // Why a ClassValue? The interface set of a driver class never changes: compute it once per
  // class instead of walking the hierarchy on every prepareStatement().
  private static final ClassValue<Class<?>[]> INTERFACES =
      new ClassValue<Class<?>[]>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
          Set<Class<?>> all = new LinkedHashSet<>();
          for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            collect(c.getInterfaces(), all);
          }
          return all.toArray(new Class<?>[0]);
        }
      };

  private Proxies() {}

  /** A proxy implementing {@code jdbcType} and every public interface of {@code target}. */
  static <T> T create(Class<T> jdbcType, Object target, InvocationHandler handler) {
    ClassLoader loader = target.getClass().getClassLoader();
    if (loader != null) {
      try {
        return jdbcType.cast(Proxy.newProxyInstance(loader, interfaces(jdbcType, target), handler));
      } catch (IllegalArgumentException notVisible) {
        // an interface is not visible from the driver's loader: fall back to the JDBC type only
      }
    }
    return jdbcType.cast(
        Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {jdbcType}, handler));
  }

  /** Whether {@code object} is already one of our wrappers. */
  static boolean isWrapper(Object object) {
    return Proxy.isProxyClass(object.getClass())
        && Proxy.getInvocationHandler(object) instanceof DelegatingHandler;
  }

  private static Class<?>[] interfaces(Class<?> jdbcType, Object target) {
    Class<?>[] found = INTERFACES.get(target.getClass());
    for (Class<?> c : found) {
      if (c == jdbcType) {
        return found;
      }
    }
    Class<?>[] withType = new Class<?>[found.length + 1];
    withType[0] = jdbcType;
    System.arraycopy(found, 0, withType, 1, found.length);
    return withType;
  }

  private static void collect(Class<?>[] interfaces, Set<Class<?>> into) {
    for (Class<?> i : interfaces) {
      if (Modifier.isPublic(i.getModifiers()) && into.add(i)) {
        collect(i.getInterfaces(), into);
      }
    }
  }
}
