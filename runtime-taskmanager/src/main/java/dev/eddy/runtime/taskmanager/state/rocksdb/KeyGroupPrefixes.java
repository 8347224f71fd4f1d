package dev.eddy.runtime.taskmanager.state.rocksdb;

/** Key-group prefixes of RocksDB keys. Stateless. */
final class KeyGroupPrefixes {
    private KeyGroupPrefixes() {}

    /** The key group of a RocksDB key (its first two bytes, big endian). */
    static int keyGroupOf(byte[] rocksKey) {
        return ((rocksKey[0] & 0xFF) << 8) | (rocksKey[1] & 0xFF);
    }

    /** The two-byte big-endian prefix of a key group. */
    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }
}
