package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.tuple.Tuple;
import dev.eddy.api.java.typeutils.TypeAnalyzer.InfoType;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves a type argument of a function interface as implemented by a function object: named and
 * anonymous classes (generic hierarchy walk), classes whose output variable is bound to an input
 * variable (resolved from the known input types), and serializable lambdas / method references
 * (through {@link SerializedLambda} and the implementation method's generic signature).
 */
final class FunctionTypeResolver {
    private FunctionTypeResolver() {}

    @SuppressWarnings("unchecked")
    static <OUT> TypeInformation<OUT> getOutputType(Object function, Class<?> iface, int argIndex, TypeInformation<?>[] inputs) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(iface, "functionInterface");
        if (function instanceof ResultTypeQueryable) {
            return ((ResultTypeQueryable<OUT>) function).getProducedType();
        }
        TypeVariable<?>[] ifaceParams = iface.getTypeParameters();
        if (argIndex < 0 || argIndex >= ifaceParams.length) {
            throw new IllegalArgumentException(iface.getName() + " has " + ifaceParams.length + " type parameters; index " + argIndex + " is out of range");
        }
        if (!iface.isInstance(function)) {
            throw new IllegalArgumentException(function.getClass().getName() + " does not implement " + iface.getName());
        }
        TypeInformation<?>[] in = inputs == null ? new TypeInformation<?>[0] : inputs;
        SerializedLambda lambda = serializedLambda(function);
        if (lambda != null) {
            return (TypeInformation<OUT>) fromLambda(lambda, function, iface, argIndex, in);
        }
        if (function.getClass().isSynthetic() || function.getClass().getName().contains("$$Lambda")) {
            throw new InvalidTypesException("The type of the lambda " + function.getClass().getName() + " cannot be determined: it is not"
                    + " serializable. Function interfaces must extend java.io.Serializable; alternatively use returns(...).");
        }
        return (TypeInformation<OUT>) fromClass(function, iface, argIndex, in);
    }

    // ---------------------------------------------------------------- classes

    private static TypeInformation<?> fromClass(Object function, Class<?> iface, int argIndex, TypeInformation<?>[] inputs) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        bindHierarchy(function.getClass(), iface, bindings);
        TypeVariable<?>[] ifaceParams = iface.getTypeParameters();
        int k = 0;
        for (int j = 0; j < ifaceParams.length && k < inputs.length; j++) {
            if (j == argIndex) {
                continue;
            }
            TypeInformation<?> info = inputs[k++];
            if (info != null) {
                bindFromInfo(ifaceParams[j], info, bindings);
            }
        }
        try {
            return new TypeAnalyzer(bindings).analyze(ifaceParams[argIndex]);
        } catch (InvalidTypesException e) {
            throw erasure(function.getClass().getName(), e);
        }
    }

    /** Binds the type parameters of every supertype on the path from {@code c} to {@code target}. */
    static boolean bindHierarchy(Class<?> c, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        if (c == target) {
            return true;
        }
        List<Type> supers = new ArrayList<>();
        if (c.getGenericSuperclass() != null) {
            supers.add(c.getGenericSuperclass());
        }
        supers.addAll(Arrays.asList(c.getGenericInterfaces()));
        for (Type s : supers) {
            Class<?> raw = rawClass(s);
            if (raw == null || !target.isAssignableFrom(raw)) {
                continue;
            }
            if (s instanceof ParameterizedType) {
                TypeVariable<?>[] params = raw.getTypeParameters();
                Type[] args = ((ParameterizedType) s).getActualTypeArguments();
                for (int i = 0; i < params.length; i++) {
                    bindings.putIfAbsent(params[i], args[i]);
                }
            }
            if (bindHierarchy(raw, target, bindings)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class) {
            return (Class<?>) t;
        }
        if (t instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) t).getRawType();
        }
        return null;
    }

    /** Binds the free type variables inside {@code t} by matching it against known type information. */
    static void bindFromInfo(Type t, TypeInformation<?> info, Map<TypeVariable<?>, Type> bindings) {
        while (t instanceof TypeVariable && bindings.containsKey(t) && bindings.get(t) != t) {
            t = bindings.get(t);
        }
        if (t instanceof TypeVariable) {
            bindings.put((TypeVariable<?>) t, new InfoType(info));
        } else if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (info instanceof TupleTypeInfo && raw.getSuperclass() == Tuple.class && args.length == info.getArity()) {
                for (int i = 0; i < args.length; i++) {
                    bindFromInfo(args[i], ((TupleTypeInfo<?>) info).getTypeAt(i), bindings);
                }
            } else if (info instanceof ListTypeInfo && args.length == 1) {
                bindFromInfo(args[0], ((ListTypeInfo<?>) info).getElementTypeInfo(), bindings);
            } else if (info instanceof MapTypeInfo && args.length == 2) {
                bindFromInfo(args[0], ((MapTypeInfo<?, ?>) info).getKeyTypeInfo(), bindings);
                bindFromInfo(args[1], ((MapTypeInfo<?, ?>) info).getValueTypeInfo(), bindings);
            }
        } else if (t instanceof GenericArrayType && info instanceof ObjectArrayTypeInfo) {
            bindFromInfo(((GenericArrayType) t).getGenericComponentType(), ((ObjectArrayTypeInfo<?, ?>) info).getComponentInfo(), bindings);
        }
    }

    // ---------------------------------------------------------------- lambdas

    static SerializedLambda serializedLambda(Object function) {
        for (Class<?> c = function.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod("writeReplace");
                m.setAccessible(true);
                Object replacement = m.invoke(function);
                return replacement instanceof SerializedLambda ? (SerializedLambda) replacement : null;
            } catch (NoSuchMethodException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static TypeInformation<?> fromLambda(
            SerializedLambda lambda, Object function, Class<?> iface, int argIndex, TypeInformation<?>[] inputs) {
        ClassLoader loader = function.getClass().getClassLoader();
        Class<?> implClass;
        try {
            implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
        } catch (ClassNotFoundException e) {
            throw new InvalidTypesException("Cannot load " + lambda.getImplClass() + ", the class implementing a lambda", e);
        }
        String name = describe(lambda, implClass);
        Executable impl = findImpl(implClass, lambda);
        if (impl == null) {
            throw new InvalidTypesException("Cannot find the method implementing " + name + " (" + lambda.getImplMethodSignature() + ")");
        }
        Type implReturn;
        List<Type> implParams = new ArrayList<>();
        int kind = lambda.getImplMethodKind();
        if (kind == MethodHandleInfo.REF_newInvokeSpecial) {
            implReturn = implClass;
        } else {
            implReturn = ((Method) impl).getGenericReturnType();
            if (!Modifier.isStatic(impl.getModifiers())) {
                implParams.add(implClass);
            }
        }
        implParams.addAll(Arrays.asList(impl.getGenericParameterTypes()));
        int captured = lambda.getCapturedArgCount();
        List<Type> samSideParams = implParams.subList(Math.min(captured, implParams.size()), implParams.size());

        Method sam = findSam(iface);
        Map<TypeVariable<?>, Type> ifaceBindings = new HashMap<>();
        bindHierarchy(iface, sam.getDeclaringClass(), ifaceBindings);
        TypeVariable<?>[] ifaceParams = iface.getTypeParameters();

        Type result = locate(sam, samSideParams, implReturn, ifaceParams[argIndex], ifaceBindings);
        if (result == null) {
            throw erasure(name, null);
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        int k = 0;
        for (int j = 0; j < ifaceParams.length && k < inputs.length; j++) {
            if (j == argIndex) {
                continue;
            }
            TypeInformation<?> info = inputs[k++];
            Type inputSide = locate(sam, samSideParams, implReturn, ifaceParams[j], ifaceBindings);
            if (info != null && inputSide != null) {
                bindFromInfo(inputSide, info, bindings);
            }
        }
        if (result == Object.class || (result instanceof Class && ((Class<?>) result).getTypeParameters().length > 0)) {
            throw erasure(name, null);
        }
        try {
            return new TypeAnalyzer(bindings).analyze(result);
        } catch (InvalidTypesException e) {
            throw erasure(name, e);
        }
    }

    private static String describe(SerializedLambda lambda, Class<?> implClass) {
        String method = lambda.getImplMethodName();
        if (method.startsWith("lambda$")) {
            return "lambda " + method + " in " + implClass.getName();
        }
        return implClass.getSimpleName() + "::" + (method.equals("<init>") ? "new" : method);
    }

    /** The implementation-side type at the position where {@code target} appears in the SAM signature, or null. */
    private static Type locate(Method sam, List<Type> implParams, Type implReturn, TypeVariable<?> target,
            Map<TypeVariable<?>, Type> ifaceBindings) {
        Type found = match(sam.getGenericReturnType(), implReturn, target, ifaceBindings);
        if (found != null) {
            return found;
        }
        Type[] samParams = sam.getGenericParameterTypes();
        for (int i = 0; i < samParams.length && i < implParams.size(); i++) {
            found = match(samParams[i], implParams.get(i), target, ifaceBindings);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Type match(Type samType, Type implType, TypeVariable<?> target, Map<TypeVariable<?>, Type> ifaceBindings) {
        while (samType instanceof TypeVariable && ifaceBindings.containsKey(samType)) {
            samType = ifaceBindings.get(samType);
        }
        if (target.equals(samType)) {
            return implType;
        }
        if (samType instanceof ParameterizedType && implType instanceof ParameterizedType) {
            Type[] s = ((ParameterizedType) samType).getActualTypeArguments();
            Type[] i = ((ParameterizedType) implType).getActualTypeArguments();
            if (((ParameterizedType) samType).getRawType() != ((ParameterizedType) implType).getRawType()) {
                return null;
            }
            for (int n = 0; n < s.length && n < i.length; n++) {
                Type found = match(s[n], i[n], target, ifaceBindings);
                if (found != null) {
                    return found;
                }
            }
        }
        if (samType instanceof GenericArrayType) {
            Type implComponent = implType instanceof GenericArrayType ? ((GenericArrayType) implType).getGenericComponentType()
                    : implType instanceof Class && ((Class<?>) implType).isArray() ? ((Class<?>) implType).getComponentType() : null;
            if (implComponent != null) {
                return match(((GenericArrayType) samType).getGenericComponentType(), implComponent, target, ifaceBindings);
            }
        }
        return null;
    }

    private static Executable findImpl(Class<?> implClass, SerializedLambda lambda) {
        String name = lambda.getImplMethodName();
        String descriptor = lambda.getImplMethodSignature();
        if (name.equals("<init>")) {
            for (Constructor<?> c : implClass.getDeclaredConstructors()) {
                if (MethodType.methodType(void.class, c.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
                    return c;
                }
            }
            return null;
        }
        List<Class<?>> search = new ArrayList<>();
        for (Class<?> k = implClass; k != null; k = k.getSuperclass()) {
            search.add(k);
            search.addAll(Arrays.asList(k.getInterfaces()));
        }
        for (Class<?> k : search) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name)
                        && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The single abstract method of a functional interface (searching super-interfaces). */
    static Method findSam(Class<?> iface) {
        Method sam = null;
        for (Method m : iface.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) {
                continue;
            }
            if (sam != null && !(sam.getName().equals(m.getName()) && sam.getParameterCount() == m.getParameterCount())) {
                throw new IllegalArgumentException(iface.getName() + " is not a functional interface: it declares "
                        + sam.getName() + " and " + m.getName());
            }
            sam = m;
        }
        if (sam == null) {
            throw new IllegalArgumentException(iface.getName() + " has no abstract method");
        }
        return sam;
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static InvalidTypesException erasure(String functionName, Throwable cause) {
        String message = "The return type of function '" + functionName + "' could not be determined automatically, due to type erasure."
                + " You can give type information hints by using the returns(...) method on the result of the transformation call,"
                + " or by letting your function implement the 'ResultTypeQueryable' interface.";
        if (cause != null) {
            message += " Cause: " + cause.getMessage();
        }
        return new InvalidTypesException(message, cause);
    }
}
