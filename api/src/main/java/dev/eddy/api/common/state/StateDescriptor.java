package dev.eddy.api.common.state;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import java.io.Serializable;
import java.util.Objects;

/** Names a piece of state and its value type. Serializable; travels with the function. */
public abstract class StateDescriptor<S extends State, T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of state, used by backends to pick an implementation. */
    public enum Type { VALUE, LIST, REDUCING, AGGREGATING, MAP }

    private final String name;
    private TypeInformation<T> typeInfo;
    private TypeSerializer<T> serializer;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
        this.name = Objects.requireNonNull(name, "state name");
        this.typeInfo = Objects.requireNonNull(typeInfo, "state type information");
    }

    protected StateDescriptor(String name, Class<T> type) {
        this(name, TypeInformation.of(type));
    }

    protected StateDescriptor(String name, TypeSerializer<T> serializer) {
        this.name = Objects.requireNonNull(name, "state name");
        this.serializer = Objects.requireNonNull(serializer, "state serializer");
    }

    public String getName() {
        return name;
    }

    public abstract Type getType();

    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }

    /** The value serializer, created from the type information on first use. */
    public TypeSerializer<T> getSerializer() {
        if (serializer == null) {
            serializer = typeInfo.createSerializer(new SerializerConfig());
        }
        return serializer;
    }

    /**
     * Gives this state a time-to-live. Call before the state is first obtained from the runtime
     * context; a state keeps the TTL it was created with.
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        Objects.requireNonNull(ttlConfig, "TTL config");
        if (!ttlConfig.isEnabled()) {
            throw new IllegalArgumentException("Cannot enable TTL with update type Disabled for state '" + name
                    + "'; use StateTtlConfig.DISABLED only as the default");
        }
        this.ttlConfig = ttlConfig;
    }

    /** The state's TTL; {@link StateTtlConfig#DISABLED} unless {@link #enableTimeToLive} was called. */
    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    public boolean isSerializerInitialized() {
        return serializer != null;
    }

    /** Creates the serializer with the job's serializer config if not given explicitly. */
    public void initializeSerializerUnlessSet(SerializerConfig config) {
        if (serializer == null) {
            serializer = typeInfo.createSerializer(config);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StateDescriptor<?, ?>) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + "}";
    }
}
