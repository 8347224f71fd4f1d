package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.typeinfo.TypeInformation;
import java.lang.reflect.Type;

/**
 * Derives {@link TypeInformation} from classes, generic types and function objects.
 * CONTRACT ONLY — implemented by the types work package.
 */
public final class TypeExtractor {
    private TypeExtractor() {}

    /** Type information for a class: basic types, arrays, Tuples (error: needs generics), records, POJOs, List/Map (error: needs generics). */
    public static <T> TypeInformation<T> getForClass(Class<T> type) {
        throw new UnsupportedOperationException("TypeExtractor not implemented yet");
    }

    /** Type information for a value, looking into Tuples' fields. */
    public static <T> TypeInformation<T> getForObject(T value) {
        throw new UnsupportedOperationException("TypeExtractor not implemented yet");
    }

    /** Type information for a (possibly parameterized) reflective type. */
    public static TypeInformation<?> createTypeInfo(Type type) {
        throw new UnsupportedOperationException("TypeExtractor not implemented yet");
    }

    /**
     * The type argument {@code typeArgIndex} of {@code functionInterface} as implemented by
     * {@code function}: a named class, an anonymous class, a serializable lambda or a method
     * reference (via SerializedLambda). Type variables bound to the input are resolved from
     * {@code inputTypes} (the types of the interface's input type arguments, in order).
     *
     * @throws dev.eddy.api.common.functions.InvalidTypesException if the type cannot be
     *     determined; the message names the function and tells the user to call returns(...)
     */
    public static <OUT> TypeInformation<OUT> getOutputType(
            Object function, Class<?> functionInterface, int typeArgIndex, TypeInformation<?>... inputTypes) {
        throw new UnsupportedOperationException("TypeExtractor not implemented yet");
    }
}
