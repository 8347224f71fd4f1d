package dev.eddy.api.java.tuple;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Base of the fixed-arity tuples {@link Tuple0} to {@link Tuple25}: positional access to public
 * fields {@code f0..fN}. Tuples are mutable and not thread-safe. Serializers require all fields to
 * be non-null.
 */
public abstract class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest supported arity. */
    public static final int MAX_ARITY = 25;

    private static final Class<?>[] CLASSES = {
        Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class, Tuple6.class,
        Tuple7.class, Tuple8.class, Tuple9.class, Tuple10.class, Tuple11.class, Tuple12.class, Tuple13.class,
        Tuple14.class, Tuple15.class, Tuple16.class, Tuple17.class, Tuple18.class, Tuple19.class, Tuple20.class,
        Tuple21.class, Tuple22.class, Tuple23.class, Tuple24.class, Tuple25.class
    };

    /** The value of field {@code pos} (0-based). @throws IndexOutOfBoundsException if out of range */
    public abstract <T> T getField(int pos);

    /** Like {@link #getField} but fails with a NullPointerException naming the field if it is null. */
    public <T> T getFieldNotNull(int pos) {
        T field = getField(pos);
        if (field == null) {
            throw new NullPointerException("Field f" + pos + " of " + getClass().getSimpleName() + " is null, but a value is required");
        }
        return field;
    }

    /** Sets field {@code pos} (0-based). @throws IndexOutOfBoundsException if out of range */
    public abstract <T> void setField(T value, int pos);

    /** Number of fields. */
    public abstract int getArity();

    /** A shallow copy of this tuple. */
    public abstract <T extends Tuple> T copy();

    /** The tuple class of the given arity (0..25). */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        if (arity < 0 || arity > MAX_ARITY) {
            throw new IllegalArgumentException("Tuple arity must be between 0 and " + MAX_ARITY + ", was " + arity);
        }
        return (Class<? extends Tuple>) CLASSES[arity];
    }

    /** A new tuple of the given arity (0..25) with all fields null. */
    public static Tuple newInstance(int arity) {
        switch (arity) {
            case 0:
                return new Tuple0();
            case 1:
                return new Tuple1<>();
            case 2:
                return new Tuple2<>();
            case 3:
                return new Tuple3<>();
            case 4:
                return new Tuple4<>();
            case 5:
                return new Tuple5<>();
            case 6:
                return new Tuple6<>();
            case 7:
                return new Tuple7<>();
            case 8:
                return new Tuple8<>();
            case 9:
                return new Tuple9<>();
            case 10:
                return new Tuple10<>();
            case 11:
                return new Tuple11<>();
            case 12:
                return new Tuple12<>();
            case 13:
                return new Tuple13<>();
            case 14:
                return new Tuple14<>();
            case 15:
                return new Tuple15<>();
            case 16:
                return new Tuple16<>();
            case 17:
                return new Tuple17<>();
            case 18:
                return new Tuple18<>();
            case 19:
                return new Tuple19<>();
            case 20:
                return new Tuple20<>();
            case 21:
                return new Tuple21<>();
            case 22:
                return new Tuple22<>();
            case 23:
                return new Tuple23<>();
            case 24:
                return new Tuple24<>();
            case 25:
                return new Tuple25<>();
            default:
                throw new IllegalArgumentException("Tuple arity must be between 0 and " + MAX_ARITY + ", was " + arity);
        }
    }

    protected final IndexOutOfBoundsException outOfRange(int pos) {
        return new IndexOutOfBoundsException(
                "Position " + pos + " is out of range for " + getClass().getSimpleName() + " with " + getArity() + " fields");
    }

    /** String form of a field: arrays by content (nested arrays deeply), null as "null". */
    protected static String arrayAwareToString(Object o) {
        if (o == null) {
            return "null";
        }
        if (!o.getClass().isArray()) {
            return o.toString();
        }
        if (o instanceof Object[]) {
            return Arrays.deepToString((Object[]) o);
        }
        if (o instanceof int[]) {
            return Arrays.toString((int[]) o);
        }
        if (o instanceof long[]) {
            return Arrays.toString((long[]) o);
        }
        if (o instanceof double[]) {
            return Arrays.toString((double[]) o);
        }
        if (o instanceof byte[]) {
            return Arrays.toString((byte[]) o);
        }
        if (o instanceof char[]) {
            return Arrays.toString((char[]) o);
        }
        if (o instanceof boolean[]) {
            return Arrays.toString((boolean[]) o);
        }
        if (o instanceof float[]) {
            return Arrays.toString((float[]) o);
        }
        return Arrays.toString((short[]) o);
    }
}
