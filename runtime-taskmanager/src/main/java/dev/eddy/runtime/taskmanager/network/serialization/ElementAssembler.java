package dev.eddy.runtime.taskmanager.network.serialization;

import java.io.IOException;

/**
 * Cuts the byte stream of one input channel into elements, across buffer boundaries.
 *
 * <p>{@link #next(byte[], int, int)} consumes bytes from the given window and returns true when an
 * element is complete; {@link #elementArray()}, {@link #elementOffset()} and
 * {@link #elementLength()} then locate its tag and body. An element that lies entirely inside the
 * window is returned in place (no copy); one that spans buffers is gathered into a reused scratch
 * array. The located bytes stay valid until the next call or until the window's buffer is released.
 * Task thread only; one instance per channel.
 */
public final class ElementAssembler {
    private static final int MAX_ELEMENT = Integer.MAX_VALUE - 64;

    private byte[] partial = new byte[256];
    private int filled;
    private int consumed;
    private byte[] elemArray;
    private int elemOffset;
    private int elemLength;

    /** Bytes of the window consumed by the last call to {@link #next}. */
    public int consumed() {
        return consumed;
    }

    public byte[] elementArray() {
        return elemArray;
    }

    public int elementOffset() {
        return elemOffset;
    }

    public int elementLength() {
        return elemLength;
    }

    /** True if part of an element is buffered (the stream ended mid-element if the channel ends now). */
    public boolean hasPartialElement() {
        return filled > 0;
    }

    /**
     * @return true if an element is complete; {@link #consumed()} tells how many window bytes were used
     * @throws IOException if the length prefix is corrupt
     */
    public boolean next(byte[] array, int offset, int available) throws IOException {
        if (filled == 0 && available >= StreamElementTags.LENGTH_BYTES) {
            int len = BigEndian.getInt(array, offset);
            check(len);
            if (available - StreamElementTags.LENGTH_BYTES >= len) {
                elemArray = array;
                elemOffset = offset + StreamElementTags.LENGTH_BYTES;
                elemLength = len;
                consumed = StreamElementTags.LENGTH_BYTES + len;
                return true;
            }
        }
        return gather(array, offset, available);
    }

    private boolean gather(byte[] array, int offset, int available) throws IOException {
        int used = 0;
        if (filled < StreamElementTags.LENGTH_BYTES) {
            int n = Math.min(StreamElementTags.LENGTH_BYTES - filled, available);
            System.arraycopy(array, offset, partial, filled, n);
            filled += n;
            used += n;
            if (filled < StreamElementTags.LENGTH_BYTES) {
                consumed = used;
                return false;
            }
        }
        int len = BigEndian.getInt(partial, 0);
        check(len);
        int total = StreamElementTags.LENGTH_BYTES + len;
        if (partial.length < total) {
            byte[] bigger = new byte[Math.max(total, Math.min(MAX_ELEMENT, partial.length * 2))];
            System.arraycopy(partial, 0, bigger, 0, filled);
            partial = bigger;
        }
        int n = Math.min(total - filled, available - used);
        System.arraycopy(array, offset + used, partial, filled, n);
        filled += n;
        used += n;
        consumed = used;
        if (filled < total) {
            return false;
        }
        filled = 0;
        elemArray = partial;
        elemOffset = StreamElementTags.LENGTH_BYTES;
        elemLength = len;
        return true;
    }

    private static void check(int len) throws IOException {
        if (len < 1 || len > MAX_ELEMENT) {
            throw new IOException("Corrupt network stream: element length " + len + " is out of range");
        }
    }

    public void reset() {
        filled = 0;
    }
}
