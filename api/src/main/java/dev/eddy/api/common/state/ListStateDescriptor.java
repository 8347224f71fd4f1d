package dev.eddy.api.common.state;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.java.typeutils.ListTypeInfo;

/** Describes a {@link ListState}; the state's type is the list, built from the element type. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, java.util.List<T>> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementTypeClass) {
        super(name, new ListTypeInfo<>(elementTypeClass));
    }

    public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
        super(name, new ListTypeInfo<>(elementTypeInfo));
    }

    /** The type information of the list's elements. */
    public TypeInformation<T> getElementTypeInformation() {
        return ((ListTypeInfo<T>) getTypeInformation()).getElementTypeInfo();
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
