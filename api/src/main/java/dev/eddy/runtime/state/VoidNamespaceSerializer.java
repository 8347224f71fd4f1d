package dev.eddy.runtime.state;

import dev.eddy.api.common.typeutils.base.TypeSerializerSingleton;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;

/**
 * Serializer of {@link VoidNamespace}: writes nothing, so the bytes of non-namespaced state (in
 * snapshots and in RocksDB keys) are the same as if namespaces did not exist.
 */
public final class VoidNamespaceSerializer extends TypeSerializerSingleton<VoidNamespace> {
    private static final long serialVersionUID = 1L;
    public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public VoidNamespace createInstance() {
        return VoidNamespace.INSTANCE;
    }

    @Override
    public VoidNamespace copy(VoidNamespace from) {
        return VoidNamespace.INSTANCE;
    }

    @Override
    public int getLength() {
        return 0;
    }

    @Override
    public void serialize(VoidNamespace record, DataOutputView target) {}

    @Override
    public VoidNamespace deserialize(DataInputView source) {
        return VoidNamespace.INSTANCE;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
