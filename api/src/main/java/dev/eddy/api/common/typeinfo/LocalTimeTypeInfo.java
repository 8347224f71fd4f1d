package dev.eddy.api.common.typeinfo;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.LocalDateSerializer;
import dev.eddy.api.common.typeutils.base.LocalDateTimeSerializer;
import dev.eddy.api.common.typeutils.base.LocalTimeSerializer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Type information for {@link LocalDate}, {@link LocalTime} and {@link LocalDateTime}. */
public final class LocalTimeTypeInfo<T> extends AtomicTypeInfoBase<T> {
    private static final long serialVersionUID = 1L;

    public static final LocalTimeTypeInfo<LocalDate> LOCAL_DATE = new LocalTimeTypeInfo<>(LocalDate.class, LocalDateSerializer.INSTANCE);
    public static final LocalTimeTypeInfo<LocalTime> LOCAL_TIME = new LocalTimeTypeInfo<>(LocalTime.class, LocalTimeSerializer.INSTANCE);
    public static final LocalTimeTypeInfo<LocalDateTime> LOCAL_DATE_TIME =
            new LocalTimeTypeInfo<>(LocalDateTime.class, LocalDateTimeSerializer.INSTANCE);

    private LocalTimeTypeInfo(Class<T> typeClass, TypeSerializer<T> serializer) {
        super(typeClass, serializer);
    }

    /** The info for one of the three classes, or null. */
    @SuppressWarnings("unchecked")
    public static <X> LocalTimeTypeInfo<X> getInfoFor(Class<X> type) {
        if (type == LocalDate.class) {
            return (LocalTimeTypeInfo<X>) LOCAL_DATE;
        }
        if (type == LocalTime.class) {
            return (LocalTimeTypeInfo<X>) LOCAL_TIME;
        }
        if (type == LocalDateTime.class) {
            return (LocalTimeTypeInfo<X>) LOCAL_DATE_TIME;
        }
        return null;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public String toString() {
        return getTypeClass().getSimpleName();
    }

    private Object readResolve() {
        LocalTimeTypeInfo<?> canonical = getInfoFor(getTypeClass());
        return canonical != null ? canonical : this;
    }
}
