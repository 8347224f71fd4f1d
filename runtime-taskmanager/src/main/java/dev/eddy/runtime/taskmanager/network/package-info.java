/**
 * The data plane: how records travel between tasks.
 *
 * <h2>Producer side</h2>
 * A task's {@link dev.eddy.runtime.taskmanager.network.RecordWriter} serializes each element once
 * into a reused scratch array ({@code serialization.StreamElementSerializer}; layout: int length,
 * tag byte, body — see {@code serialization.StreamElementTags}) and copies it into the current
 * buffer of the target {@code partition.PipelinedSubpartition}. Buffers are fixed-size heap
 * segments from the partition's {@code buffer.LocalBufferPool}, itself carved out of the
 * TaskManager's bounded {@code buffer.NetworkBufferPool}. A full buffer is sealed and visible to
 * the consumer at once; {@code flushAll()} publishes the filled part of the current buffer without
 * sealing it (cheap enough to call after every record). An exhausted pool makes {@code emit} wait
 * and {@code isAvailable()/getAvailableFuture()} report it: that is back-pressure.
 *
 * <h2>Transport</h2>
 * A consumer on the same TaskManager ({@code gate.LocalInputChannel}) reads slices of the
 * producer's buffers directly. A remote consumer ({@code gate.RemoteInputChannel}) shares one Netty
 * connection per producer TaskManager ({@code netty.NettyClient}); the producer's
 * {@code netty.ServerConnectionHandler} sends a buffer only against credit. Credit = free receive
 * buffers: exclusive ones per channel plus floating ones per gate, requested when the sender's
 * reported backlog exceeds the credit. Frames: magic, version, type, length, payload; hard size
 * limit; a malformed frame closes only its connection ({@code netty.FrameDecoder}).
 *
 * <h2>Consumer side</h2>
 * {@code gate.SingleInputGate} queues channels that have data and hands out one buffer at a time,
 * channels taking turns. {@link dev.eddy.runtime.taskmanager.network.StreamInputReader} reassembles
 * elements across buffers ({@code serialization.ElementAssembler}), merges watermarks and reports
 * end of input.
 *
 * <h2>Checkpoint barriers</h2>
 * {@link dev.eddy.runtime.taskmanager.network.RecordWriter#broadcastBarrier} appends a barrier (tag
 * CHECKPOINT_BARRIER) behind everything emitted before it on every subpartition and flushes; cancel
 * markers likewise. The reader hands barriers, cancel markers and channel ends to its output with
 * the channel index; it does not interpret them. Barrier alignment (in {@code task.io}) may block a
 * channel: {@link dev.eddy.runtime.taskmanager.network.StreamInputReader#blockChannel} gives the
 * unread rest of the current buffer back to the gate, and the gate hands out none of that channel's
 * buffers until it is unblocked (remote channels keep receiving what their credit allows, so a
 * blocked channel back-pressures its producer instead of growing memory).
 *
 * <h2>Release</h2>
 * {@code ResultPartitionWriter.release()} after a normal finish lets consumers drain first (state
 * DRAINING) and frees buffers when they are done; otherwise it frees at once and consumers fail
 * with a message naming the partition. {@code InputGate.close()} returns every buffer of the gate,
 * including the one the reader holds. Closing the environment closes the server, the connections
 * and every partition.
 */
package dev.eddy.runtime.taskmanager.network;
