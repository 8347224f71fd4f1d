package dev.eddy.connector.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Builds an implementation of an interface from a plain object that has some of its methods (same
 * name and parameter types). Default methods run as declared; any other method fails with a clear
 * message. Keeps test fakes compiling when contract interfaces grow new methods.
 */
public final class Fakes {
    private Fakes() {}

    public static <T> T implement(Class<T> iface, Object delegate) {
        java.util.Map<Method, java.util.Optional<Method>> targets = new java.util.concurrent.ConcurrentHashMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals": return proxy == args[0];
                    case "hashCode": return System.identityHashCode(proxy);
                    default: return "Fake " + iface.getSimpleName() + " over " + delegate;
                }
            }
            Method target = targets.computeIfAbsent(method, m -> find(delegate.getClass(), m)).orElse(null);
            if (target != null) {
                try {
                    return target.invoke(delegate, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException("Test fake of " + iface.getSimpleName() + " does not implement "
                    + method.getName());
        };
        return iface.cast(Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, handler));
    }

    private static java.util.Optional<Method> find(Class<?> type, Method method) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method found = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                found.setAccessible(true);
                return java.util.Optional.of(found);
            } catch (NoSuchMethodException e) {
                // try the superclass
            }
        }
        return java.util.Optional.empty();
    }
}
