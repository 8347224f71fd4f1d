package dev.eddy.streaming.api.datastream;

import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.java.typeutils.TypeExtractor;
import dev.eddy.streaming.api.functions.async.AsyncFunction;
import dev.eddy.streaming.api.functions.async.AsyncRetryStrategy;
import dev.eddy.streaming.api.operators.async.AsyncWaitOperator;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an {@link AsyncFunction} to a stream: one asynchronous request per record, many in flight
 * at once (at most {@code capacity} per subtask; a full queue backpressures the input).
 *
 * <ul>
 *   <li>{@code orderedWait}: results leave in the order of the input records.
 *   <li>{@code unorderedWait}: results leave as soon as their request completes, but never overtake
 *       a watermark (nor does a watermark overtake a record).
 * </ul>
 *
 * The timeout bounds each record's request over all its attempts; the default
 * {@link AsyncFunction#timeout} fails the job. The {@code *WithRetry} variants retry according to an
 * {@link AsyncRetryStrategy}. Records still in flight are part of checkpoints and are requested
 * again after a restore. Build-time only (the client's thread); the operator's contracts are on
 * {@link AsyncWaitOperator}.
 */
public final class AsyncDataStream {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncDataStream.class);
    /** Queue capacity used when none is given. */
    public static final int DEFAULT_QUEUE_CAPACITY = 100;
    private static final String OPERATOR_NAME = "async wait operator";

    /** Order in which results are emitted. */
    public enum OutputMode {
        ORDERED,
        UNORDERED
    }

    private AsyncDataStream() {}

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, null);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit) {
        return unorderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, null);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit) {
        return orderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return unorderedWaitWithRetry(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY, asyncRetryStrategy);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.UNORDERED, asyncRetryStrategy);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return orderedWaitWithRetry(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY, asyncRetryStrategy);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWaitWithRetry(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity, AsyncRetryStrategy<OUT> asyncRetryStrategy) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, OutputMode.ORDERED, asyncRetryStrategy);
    }

    private static <IN, OUT> SingleOutputStreamOperator<OUT> addOperator(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeoutMillis, int capacity, OutputMode mode, AsyncRetryStrategy<OUT> retryStrategy) {
        if (func == null) {
            throw new IllegalArgumentException("The async function must not be null");
        }
        TypeInformation<IN> inType = in.getType();
        AsyncWaitOperator<IN, OUT> operator = new AsyncWaitOperator<>(func, timeoutMillis, capacity, mode, retryStrategy,
                inputSerializer(in, inType));
        return in.transform(OPERATOR_NAME, () -> TypeExtractor.getOutputType(func, AsyncFunction.class, 1, inType), operator);
    }

    /** The serializer that writes queued inputs into checkpoints; null (with a warning) if the type has none. */
    private static <IN> TypeSerializer<IN> inputSerializer(DataStream<IN> in, TypeInformation<IN> inType) {
        try {
            return inType.createSerializer(in.getExecutionEnvironment().getSerializerConfig());
        } catch (RuntimeException e) {
            LOG.warn("The input type {} of an async operator has no serializer ({}); checkpoints taken while its requests are"
                    + " in flight will fail", inType, e.getMessage());
            return null;
        }
    }
}
