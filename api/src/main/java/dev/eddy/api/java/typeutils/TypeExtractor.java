package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.tuple.Tuple;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Derives {@link TypeInformation} from classes, generic types, values and function objects.
 * Called on the client thread while a job is built (stateless; safe from any thread).
 *
 * <p>Supported: basic types, {@code java.time} types, arrays, enums, {@code Tuple0..Tuple25} with
 * known type arguments, {@code List}/{@code ArrayList}/{@code Collection} and {@code Map}/{@code
 * HashMap} with known element types, records, and POJOs (Flink's rules). Anything else becomes a
 * {@link GenericTypeInfo}, whose serializer creation fails with an explanation unless Java
 * serialization is enabled.
 */
public final class TypeExtractor {
    private TypeExtractor() {}

    /**
     * Type information for a class: basic types, arrays, records, POJOs, enums. Tuple, List and Map
     * classes without generics are errors (their type arguments are erased): use a TypeHint or
     * returns(...).
     */
    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> getForClass(Class<T> type) {
        if (type == null) {
            throw new NullPointerException("type");
        }
        return (TypeInformation<T>) new TypeAnalyzer().analyzeClass(type);
    }

    /**
     * Type information for a value (as used by {@code fromElements}): Tuples look into their field
     * values, Lists and Maps at their first element/entry, everything else at its class.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeInformation<T> getForObject(T value) {
        if (value == null) {
            throw new InvalidTypesException("Cannot determine the type of a null value; give the type explicitly (returns(...) or a TypeInformation argument)");
        }
        if (value instanceof Tuple) {
            Tuple tuple = (Tuple) value;
            if (tuple.getClass() != Tuple.getTupleClass(tuple.getArity())) {
                try {
                    return getForClass((Class<T>) value.getClass());
                } catch (InvalidTypesException e) {
                    // generic subclass: fall back to looking at the values
                }
            }
            TypeInformation<?>[] fields = new TypeInformation<?>[tuple.getArity()];
            for (int i = 0; i < fields.length; i++) {
                Object field = tuple.getField(i);
                if (field == null) {
                    throw new InvalidTypesException("Field f" + i + " of the tuple " + tuple + " is null: tuple fields must be non-null,"
                            + " and the field type cannot be derived from a null value.");
                }
                fields[i] = getForObject(field);
            }
            return new TupleTypeInfo(tuple.getClass(), fields);
        }
        if (value instanceof List && isListClass(value.getClass())) {
            Object first = firstNonNull(((List<?>) value).iterator());
            if (first == null) {
                throw new InvalidTypesException("Cannot determine the element type of an empty (or all-null) list; give the type"
                        + " explicitly, e.g. Types.LIST(Types.STRING) or returns(new TypeHint<List<String>>(){}).");
            }
            return (TypeInformation<T>) new ListTypeInfo<>(getForObject(first));
        }
        if (value instanceof Map && isMapClass(value.getClass())) {
            Object key = firstNonNull(((Map<?, ?>) value).keySet().iterator());
            Object val = firstNonNull(((Map<?, ?>) value).values().iterator());
            if (key == null || val == null) {
                throw new InvalidTypesException("Cannot determine the key/value types of an empty map (or one with only null keys or"
                        + " values); give the type explicitly, e.g. Types.MAP(Types.STRING, Types.INT).");
            }
            return (TypeInformation<T>) new MapTypeInfo<>(getForObject(key), getForObject(val));
        }
        try {
            return getForClass((Class<T>) value.getClass());
        } catch (InvalidTypesException e) {
            if (value instanceof Object[]) {
                Object first = firstNonNull(Arrays.asList((Object[]) value).iterator());
                if (first != null) {
                    return (TypeInformation<T>) ObjectArrayTypeInfo.getInfoFor((Class) value.getClass(), getForObject(first));
                }
            }
            throw e;
        }
    }

    private static boolean isListClass(Class<?> c) {
        return c.getName().startsWith("java.util.");
    }

    private static boolean isMapClass(Class<?> c) {
        return c.getName().startsWith("java.util.");
    }

    private static Object firstNonNull(Iterator<?> it) {
        while (it.hasNext()) {
            Object o = it.next();
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    /** Type information for a (possibly parameterized) reflective type, e.g. from a TypeHint. */
    public static TypeInformation<?> createTypeInfo(Type type) {
        if (type == null) {
            throw new NullPointerException("type");
        }
        return new TypeAnalyzer().analyze(type);
    }

    /**
     * The type argument {@code typeArgIndex} of {@code functionInterface} as implemented by
     * {@code function}: a named class, an anonymous class, a serializable lambda or a method
     * reference (via SerializedLambda). If the function implements {@link ResultTypeQueryable} its
     * produced type is returned. Type variables bound to inputs are resolved from {@code
     * inputTypes}: the types of the interface's other type arguments (all indexes except {@code
     * typeArgIndex}), in order; trailing ones may be omitted.
     *
     * @throws InvalidTypesException if the type cannot be determined; the message names the
     *     function and tells the user to call returns(...)
     */
    public static <OUT> TypeInformation<OUT> getOutputType(
            Object function, Class<?> functionInterface, int typeArgIndex, TypeInformation<?>... inputTypes) {
        return FunctionTypeResolver.getOutputType(function, functionInterface, typeArgIndex, inputTypes);
    }
}
