package dev.eddy.util;

import dev.eddy.api.common.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a side output of an operator and the type of its elements. Two tags are equal when their
 * ids are equal. Create it as an anonymous subclass ({@code new OutputTag<String>("late") {}}) so the
 * element type can be read from the generic signature, or pass the type explicitly.
 */
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final TypeInformation<T> typeInfo;

    /** The element type is read from the anonymous subclass's generic signature. */
    public OutputTag(String id) {
        this.id = requireId(id);
        this.typeInfo = typeFromSubclass(getClass(), id);
    }

    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = requireId(id);
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> typeFromSubclass(Class<?> cls, String id) {
        java.lang.reflect.Type superType = cls.getGenericSuperclass();
        if (cls == OutputTag.class || !(superType instanceof java.lang.reflect.ParameterizedType)) {
            throw new dev.eddy.api.common.functions.InvalidTypesException("OutputTag '" + id
                    + "': create it as an anonymous subclass (new OutputTag<T>(\"" + id
                    + "\") {}) or pass its TypeInformation, so the element type is known");
        }
        java.lang.reflect.Type arg = ((java.lang.reflect.ParameterizedType) superType).getActualTypeArguments()[0];
        return (TypeInformation<T>) dev.eddy.api.java.typeutils.TypeExtractor.createTypeInfo(arg);
    }

    private static String requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("OutputTag id must not be null or empty");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag && ((OutputTag<?>) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + typeInfo + ", " + id + ")";
    }
}
