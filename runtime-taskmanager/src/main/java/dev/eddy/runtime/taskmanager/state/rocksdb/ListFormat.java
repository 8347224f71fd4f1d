package dev.eddy.runtime.taskmanager.state.rocksdb;

import dev.eddy.core.memory.DataOutputSerializer;
import dev.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;
import org.rocksdb.ColumnFamilyOptions;

/**
 * The stored value of list state in this backend: {@code element (DELIMITER element)*}, where each
 * element is {@code int length} followed by {@code length} payload bytes, and the payload is
 * {@code [long lastAccess] + serialized element} (the timestamp only with TTL), i.e. exactly one
 * element of the canonical list encoding. The length prefix makes the value splittable without
 * the element serializer (canonical snapshots of states not registered yet, TTL scans), and the
 * delimiter is the one RocksDB's built-in string-append merge operator puts between operands, so
 * {@code add}/{@code addAll} append with a merge instead of reading and rewriting the whole list.
 *
 * <p>The operator is RocksDB's {@value #MERGE_OPERATOR_NAME} (delimiter {@code ','}), set by name:
 * its full merge sizes the result once and appends every operand, linear in the list's bytes,
 * whereas rocksdbjni's {@code StringAppendOperator} class is the associative variant that copies
 * the accumulated value once per operand (quadratic when a get meets thousands of unmerged
 * operands). Every column family carries the operator (other kinds never merge), in the live
 * instance and in read-only opens of native checkpoints, whose SST files may hold unmerged
 * operands. Stateless; any thread.
 */
final class ListFormat {
    /** What the merge operator writes between operands. */
    static final byte DELIMITER = ',';
    /** RocksDB's registered name of its non-associative string-append merge operator (delimiter ','). */
    static final String MERGE_OPERATOR_NAME = "stringappendtest";

    private ListFormat() {}

    /** Sets the list merge operator on {@code options}; returns them. The native library must be loaded. */
    static ColumnFamilyOptions withMergeOperator(ColumnFamilyOptions options) {
        return options.setMergeOperatorName(MERGE_OPERATOR_NAME);
    }

    /**
     * Writes {@code values} as one stored list value (delimiters between elements, none around),
     * each payload preceded by {@code timestamp} when {@code withTimestamp} (state with TTL).
     */
    static <T> void writeElements(DataOutputSerializer out, Iterable<T> values, TypeSerializer<T> elementSerializer,
            boolean withTimestamp, long timestamp) throws IOException {
        boolean first = true;
        for (T v : values) {
            if (!first) {
                out.writeByte(DELIMITER);
            }
            first = false;
            int lengthPosition = beginElement(out);
            if (withTimestamp) {
                out.writeLong(timestamp);
            }
            elementSerializer.serialize(v, out);
            endElement(out, lengthPosition);
        }
    }

    /** Writes a placeholder length; returns its position for {@link #endElement}. */
    static int beginElement(DataOutputSerializer out) {
        int position = out.getPosition();
        out.writeInt(0);
        return position;
    }

    /** Patches the length written by {@link #beginElement} to cover everything written since. */
    static void endElement(DataOutputSerializer out, int lengthPosition) {
        int end = out.getPosition();
        out.setPosition(lengthPosition);
        out.writeInt(end - lengthPosition - 4);
        out.setPosition(end);
    }

    /**
     * Steps over the elements of one stored list value; after {@link #next()} returned true,
     * {@link #start()} and {@link #length()} locate the element's payload in the value. One thread.
     */
    static final class Cursor {
        private final byte[] bytes;
        private final int end;
        private int next;
        private int start;
        private int length;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
            this.end = bytes.length;
        }

        /** Moves to the next element; false at the end. @throws IOException when the value is not in this format */
        boolean next() throws IOException {
            if (next == end) {
                return false;
            }
            if (next > 0) {
                if (bytes[next] != DELIMITER) {
                    throw corrupt("no delimiter at byte " + next);
                }
                next++;
            }
            if (end - next < 4) {
                throw corrupt("truncated element length at byte " + next);
            }
            length = ((bytes[next] & 0xFF) << 24) | ((bytes[next + 1] & 0xFF) << 16) | ((bytes[next + 2] & 0xFF) << 8) | (bytes[next + 3] & 0xFF);
            start = next + 4;
            if (length < 0 || length > end - start) {
                throw corrupt("element length " + length + " at byte " + next + " exceeds the " + end + " bytes of the value");
            }
            next = start + length;
            return true;
        }

        int start() {
            return start;
        }

        int length() {
            return length;
        }

        private static IOException corrupt(String what) {
            return new IOException("list value is not in the format of this RocksDB backend (" + what + "); list state of"
                    + " incremental checkpoints taken before list appends became merges cannot be restored, restore from a savepoint");
        }
    }

    /**
     * Writes {@code value} in the canonical list encoding ({@code int n} + the payloads) to
     * {@code out}, leaving out elements {@code cleanup} finds expired (when not null); returns the
     * number written (nothing is written when 0).
     */
    static int writeCanonical(byte[] value, CanonicalSnapshot.TtlCleanup cleanup, DataOutputSerializer out) throws IOException {
        int countPosition = out.getPosition();
        out.writeInt(0);
        int n = 0;
        Cursor c = new Cursor(value);
        while (c.next()) {
            if (cleanup != null && cleanup.expired(value, c.start())) {
                continue;
            }
            out.write(value, c.start(), c.length());
            n++;
        }
        if (n == 0) {
            out.setPosition(countPosition);
            return 0;
        }
        int end = out.getPosition();
        out.setPosition(countPosition);
        out.writeInt(n);
        out.setPosition(end);
        return n;
    }
}
