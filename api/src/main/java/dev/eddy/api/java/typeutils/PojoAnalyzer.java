package dev.eddy.api.java.typeutils;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flink's POJO rules: a public, non-abstract, top-level or static nested class with a public
 * no-argument constructor whose every non-static, non-transient field (including inherited ones)
 * is public and non-final, or private/protected/package-private with a public getter
 * ({@code getX()}/{@code isX()}/{@code x()}) and a public setter ({@code setX(value)}).
 */
final class PojoAnalyzer {
    private PojoAnalyzer() {}

    /** The serializable fields of a valid POJO class, or a reason why it is not one. */
    static final class Result {
        final List<Field> fields;
        final String reason;

        private Result(List<Field> fields, String reason) {
            this.fields = fields;
            this.reason = reason;
        }
    }

    static Result analyze(Class<?> c) {
        String classReason = checkClass(c);
        if (classReason != null) {
            return new Result(null, classReason);
        }
        List<Field> fields = new ArrayList<>();
        Map<String, Class<?>> seen = new HashMap<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                Class<?> previous = seen.put(f.getName(), k);
                if (previous != null) {
                    return new Result(null, "field '" + f.getName() + "' is declared both in " + previous.getName() + " and in "
                            + k.getName() + " (shadowed fields are not supported)");
                }
                String fieldReason = checkField(c, f);
                if (fieldReason != null) {
                    return new Result(null, fieldReason);
                }
                fields.add(f);
            }
        }
        if (fields.isEmpty()) {
            return new Result(null, "it has no non-static, non-transient fields");
        }
        return new Result(fields, null);
    }

    /** Why the class cannot get a built-in serializer (used when a GenericTypeInfo was created without a reason). */
    static String whyNotSupported(Class<?> c) {
        if (c.isInterface()) {
            return "it is an interface, so its fields are unknown";
        }
        Result r = analyze(c);
        return r.reason != null ? "it is not a valid POJO: " + r.reason : "it was declared as a generic type (Types.GENERIC)";
    }

    private static String checkClass(Class<?> c) {
        if (c.isInterface()) {
            return "it is an interface";
        }
        if (c.isArray() || c.isPrimitive()) {
            return "it is not a class";
        }
        if (Modifier.isAbstract(c.getModifiers())) {
            return "class " + c.getName() + " is abstract";
        }
        if (!Modifier.isPublic(c.getModifiers())) {
            return "class " + c.getName() + " is not public";
        }
        if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            return "class " + c.getName() + " is a non-static inner class (make it static)";
        }
        if (c.isAnonymousClass() || c.isLocalClass()) {
            return "class " + c.getName() + " is an anonymous or local class";
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor();
            if (!Modifier.isPublic(ctor.getModifiers())) {
                return "the no-argument constructor of " + c.getName() + " is not public";
            }
        } catch (NoSuchMethodException e) {
            return "class " + c.getName() + " has no public no-argument constructor";
        }
        return null;
    }

    private static String checkField(Class<?> pojo, Field f) {
        int mod = f.getModifiers();
        if (Modifier.isFinal(mod)) {
            return "field '" + f.getName() + "' is final (POJO fields must be settable)";
        }
        if (Modifier.isPublic(mod)) {
            return null;
        }
        boolean hasGetter = findGetter(pojo, f) != null;
        boolean hasSetter = findSetter(pojo, f) != null;
        if (hasGetter && hasSetter) {
            return null;
        }
        String visibility = Modifier.isPrivate(mod) ? "private" : Modifier.isProtected(mod) ? "protected" : "package-private";
        String missing = !hasGetter && !hasSetter ? "getter/setter" : !hasGetter ? "getter" : "setter";
        return "field '" + f.getName() + "' is " + visibility + " and has no public " + missing;
    }

    static Method findGetter(Class<?> pojo, Field f) {
        String cap = capitalize(f.getName());
        String[] names = {"get" + cap, "is" + cap, f.getName()};
        for (Method m : pojo.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            for (String n : names) {
                if (m.getName().equals(n) && f.getType().isAssignableFrom(m.getReturnType())
                        && (!n.startsWith("is") || n.equals(f.getName()) || f.getType() == boolean.class || f.getType() == Boolean.class)) {
                    return m;
                }
            }
        }
        return null;
    }

    static Method findSetter(Class<?> pojo, Field f) {
        String name = "set" + capitalize(f.getName());
        for (Method m : pojo.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterTypes()[0] == f.getType()
                    && (m.getReturnType() == void.class || m.getReturnType().isAssignableFrom(pojo))) {
                return m;
            }
        }
        return null;
    }

    /**
     * True if the class (or a superclass below Object) overrides both equals(Object) and hashCode(),
     * which hash-partitioned keys need. Records always do. Interfaces and abstract classes cannot
     * be judged and count as true.
     */
    static boolean hasValueEquality(Class<?> c) {
        if (c.isRecord() || c.isInterface() || Modifier.isAbstract(c.getModifiers()) || c.isEnum()) {
            return true;
        }
        boolean equals = false;
        boolean hashCode = false;
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            try {
                k.getDeclaredMethod("equals", Object.class);
                equals = true;
            } catch (NoSuchMethodException e) {
                // keep looking
            }
            try {
                k.getDeclaredMethod("hashCode");
                hashCode = true;
            } catch (NoSuchMethodException e) {
                // keep looking
            }
        }
        return equals && hashCode;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
