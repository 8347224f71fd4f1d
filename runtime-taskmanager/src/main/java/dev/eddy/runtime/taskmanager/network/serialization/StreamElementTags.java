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
 *   <li>{@link #CHECKPOINT_BARRIER}: {@code long id}, {@code long timestamp}, {@code byte flags}
 *       (bit 0 {@link #BARRIER_FLAG_SAVEPOINT}, bit 1 {@link #BARRIER_FLAG_EXACTLY_ONCE}, bit 2
 *       {@link #BARRIER_FLAG_SYNCHRONOUS_STOP}), target directory and shared directory as modified
 *       UTF-8 ({@code unsigned short} byte count, then the bytes, as {@code DataOutput.writeUTF};
 *       {@code ""} means none). Sent to every subpartition after all records emitted before it.</li>
 *   <li>{@link #CANCEL_CHECKPOINT_MARKER}: {@code long id} of the aborted checkpoint.</li>
 *   <li>{@link #WATERMARK_STATUS}: {@code byte} {@link #WATERMARK_STATUS_IDLE} or
 *       {@link #WATERMARK_STATUS_ACTIVE}; sent to every subpartition when the producer's output
 *       becomes idle or active again.</li>
 * </ul>
 * Tag 7 and 9..31 are reserved for in-band events added later (end of data). Because
 * every element is length-prefixed, a reader may skip an element it does not understand.
 */
public final class StreamElementTags {
    private StreamElementTags() {}

    public static final byte RECORD = 1;
    public static final byte RECORD_WITH_TIMESTAMP = 2;
    public static final byte WATERMARK = 3;
    public static final byte END_OF_PARTITION = 4;
    /** Checkpoint barrier: id, timestamp, flags, target directory, shared directory. */
    public static final byte CHECKPOINT_BARRIER = 5;
    /** Checkpoint cancellation marker: the aborted checkpoint's id. */
    public static final byte CANCEL_CHECKPOINT_MARKER = 6;
    /** Reserved: end of data (bounded input drained, before end of partition). */
    public static final byte END_OF_DATA = 7;
    /** Watermark status: one byte, idle or active. */
    public static final byte WATERMARK_STATUS = 8;
    /** Body byte of an idle {@link #WATERMARK_STATUS}. */
    public static final byte WATERMARK_STATUS_IDLE = 1;
    /** Body byte of an active {@link #WATERMARK_STATUS}. */
    public static final byte WATERMARK_STATUS_ACTIVE = 0;

    /** Barrier flag bit: the checkpoint is a savepoint. */
    public static final int BARRIER_FLAG_SAVEPOINT = 1;
    /** Barrier flag bit: receivers with several channels align (exactly-once). */
    public static final int BARRIER_FLAG_EXACTLY_ONCE = 1 << 1;
    /** Barrier flag bit: stop-with-savepoint. */
    public static final int BARRIER_FLAG_SYNCHRONOUS_STOP = 1 << 2;

    /** Size of the length prefix. */
    public static final int LENGTH_BYTES = 4;
}
