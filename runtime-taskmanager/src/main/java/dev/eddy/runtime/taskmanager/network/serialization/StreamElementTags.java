package dev.eddy.runtime.taskmanager.network.serialization;

/**
 * Tags of stream elements inside network buffers.
 *
 * <p>Wire layout of every element: {@code int length} (big-endian, counts the tag and the body),
 * {@code byte tag}, body. Elements follow each other without padding and may span any number of
 * buffers. Bodies:
 * <ul>
 *   <li>{@link #RECORD}: the value as written by its {@code TypeSerializer}</li>
 *   <li>{@link #RECORD_WITH_TIMESTAMP}: {@code long timestamp}, then the value</li>
 *   <li>{@link #WATERMARK}: {@code long timestamp}</li>
 *   <li>{@link #END_OF_PARTITION}: empty; the last element of a subpartition</li>
 * </ul>
 * Tags 5..31 are reserved for in-band events added later (checkpoint barriers, cancel markers,
 * end of data, watermark status). Because every element is length-prefixed, a reader may skip an
 * element it does not understand.
 */
public final class StreamElementTags {
    private StreamElementTags() {}

    public static final byte RECORD = 1;
    public static final byte RECORD_WITH_TIMESTAMP = 2;
    public static final byte WATERMARK = 3;
    public static final byte END_OF_PARTITION = 4;
    /** Reserved: checkpoint barrier (id, timestamp, options). */
    public static final byte CHECKPOINT_BARRIER = 5;
    /** Reserved: checkpoint cancellation marker. */
    public static final byte CANCEL_CHECKPOINT_MARKER = 6;
    /** Reserved: end of data (bounded input drained, before end of partition). */
    public static final byte END_OF_DATA = 7;
    /** Reserved: watermark status (idle / active). */
    public static final byte WATERMARK_STATUS = 8;

    /** Size of the length prefix. */
    public static final int LENGTH_BYTES = 4;
}
