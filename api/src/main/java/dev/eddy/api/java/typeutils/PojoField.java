package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Objects;

/** One field of a POJO or record together with its type information. Serializable (the field is re-resolved by name). */
public final class PojoField implements Serializable {
    private static final long serialVersionUID = 1L;
    private transient Field field;
    private final Class<?> declaringClass;
    private final String name;
    private final TypeInformation<?> type;

    public PojoField(Field field, TypeInformation<?> type) {
        this.field = Objects.requireNonNull(field, "field");
        this.declaringClass = field.getDeclaringClass();
        this.name = field.getName();
        this.type = Objects.requireNonNull(type, "type");
    }

    public Field getField() {
        return field;
    }

    public String getName() {
        return name;
    }

    public TypeInformation<?> getTypeInformation() {
        return type;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        try {
            field = declaringClass.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new InvalidObjectException("Field " + name + " no longer exists in " + declaringClass.getName());
        }
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PojoField)) {
            return false;
        }
        PojoField other = (PojoField) obj;
        return declaringClass == other.declaringClass && name.equals(other.name) && type.equals(other.type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declaringClass.getName(), name, type);
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
