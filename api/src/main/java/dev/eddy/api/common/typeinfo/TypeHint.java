package dev.eddy.api.common.typeinfo;

/**
 * Captures a generic type: {@code new TypeHint<Tuple2<String, Integer>>(){}}. The subclass's
 * generic superclass argument is read by reflection.
 */
public abstract class TypeHint<T> {
    private final TypeInformation<T> typeInfo;

    @SuppressWarnings("unchecked")
    protected TypeHint() {
        java.lang.reflect.Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof java.lang.reflect.ParameterizedType)) {
            throw new dev.eddy.api.common.functions.InvalidTypesException(
                    "TypeHint must be created as an anonymous subclass with a type argument, e.g. new TypeHint<Tuple2<String, Long>>(){}");
        }
        java.lang.reflect.Type arg = ((java.lang.reflect.ParameterizedType) superType).getActualTypeArguments()[0];
        this.typeInfo = (TypeInformation<T>) dev.eddy.api.java.typeutils.TypeExtractor.createTypeInfo(arg);
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }
}
