package dev.eddy.api.common.serialization;

import java.io.Serializable;

/**
 * Serializer settings of a job. Eddy has no silent generic fallback: a type without a built-in
 * serializer is an error at job build time unless {@link #setJavaSerializationFallback(boolean)}
 * opted into Java serialization (config key {@code pipeline.generic-types.java-serialization}).
 */
public final class SerializerConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private boolean javaSerializationFallback;

    public boolean isJavaSerializationFallback() {
        return javaSerializationFallback;
    }

    public SerializerConfig setJavaSerializationFallback(boolean enabled) {
        this.javaSerializationFallback = enabled;
        return this;
    }
}
