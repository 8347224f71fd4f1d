package dev.eddy.core.io;

import java.io.IOException;

/**
 * Serializes objects such as splits and enumerator checkpoints to bytes together with a version,
 * so that later code can still read what older code wrote. Implementations are stateless and
 * thread-safe.
 */
public interface SimpleVersionedSerializer<E> extends Versioned {
    /** The version written with every serialized object. */
    @Override
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    /**
     * Reads bytes written by a serializer with the given version.
     *
     * @throws IOException when the bytes are corrupt or the version is unknown
     */
    E deserialize(int version, byte[] serialized) throws IOException;
}
