package io.reqlens.instrumentation.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The part every JDBC wrapper shares: delegation that rethrows the driver's own exception
 * unchanged, and identity.
 *
 * <p>{@code unwrap} and {@code isWrapperFor} go straight to the driver's object: {@code
 * unwrap(PGConnection.class)} or {@code unwrap(Connection.class)} hands out the driver's own
 * object, which is what code that unwraps wants (to reach vendor API or bypass a pool), and {@code
 * isWrapperFor} answers for it.
 */
abstract class DelegatingHandler implements InvocationHandler {

  final Object target;

  DelegatingHandler(Object target) {
    this.target = target;
  }

  @Override
  public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "equals":
        if (args != null && args.length == 1 && method.getParameterTypes()[0] == Object.class) {
          return proxy == args[0];
        }
        break;
      case "hashCode":
        if (args == null) {
          return System.identityHashCode(proxy);
        }
        break;
      default:
    }
    return handle(proxy, method, args);
  }

  /** Everything but the wrapper and identity methods. */
  abstract Object handle(Object proxy, Method method, Object[] args) throws Throwable;

  /** Calls the driver; its exception reaches the app exactly as the driver threw it. */
  final Object delegate(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
