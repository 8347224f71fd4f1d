package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.runtime.taskmanager.state.KeyGroupStateFormat;

/** Maps state descriptor types to the canonical kind bytes of {@link KeyGroupStateFormat} and back. Stateless. */
final class KindCodes {
    private KindCodes() {}

    static byte of(StateDescriptor.Type type) {
        switch (type) {
            case VALUE:
                return KeyGroupStateFormat.VALUE;
            case LIST:
                return KeyGroupStateFormat.LIST;
            case MAP:
                return KeyGroupStateFormat.MAP;
            case REDUCING:
                return KeyGroupStateFormat.REDUCING;
            case AGGREGATING:
                return KeyGroupStateFormat.AGGREGATING;
            default:
                throw new UnsupportedOperationException(type + " state is not supported by the RocksDB backend");
        }
    }

    /** @throws IllegalStateException for a byte that is no kind (a corrupt or foreign file) */
    static StateDescriptor.Type type(byte kind, String stateName) {
        switch (kind) {
            case KeyGroupStateFormat.VALUE:
                return StateDescriptor.Type.VALUE;
            case KeyGroupStateFormat.LIST:
                return StateDescriptor.Type.LIST;
            case KeyGroupStateFormat.MAP:
                return StateDescriptor.Type.MAP;
            case KeyGroupStateFormat.REDUCING:
                return StateDescriptor.Type.REDUCING;
            case KeyGroupStateFormat.AGGREGATING:
                return StateDescriptor.Type.AGGREGATING;
            default:
                throw new IllegalStateException("State '" + stateName + "' has unknown kind byte " + kind
                        + " in the snapshot; the file is corrupt or was written by an incompatible version");
        }
    }

    /** The key group of a RocksDB key (its first two bytes, big endian). */
    static int keyGroupOf(byte[] rocksKey) {
        return ((rocksKey[0] & 0xFF) << 8) | (rocksKey[1] & 0xFF);
    }

    /** The two-byte big-endian prefix of a key group. */
    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }
}
