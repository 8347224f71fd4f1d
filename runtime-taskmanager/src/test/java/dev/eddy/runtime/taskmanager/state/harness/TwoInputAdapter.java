package dev.eddy.runtime.taskmanager.state.harness;

import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.operators.MailboxExecutor;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.operators.ProcessingTimeService;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.Serializable;

/**
 * Lets {@link OperatorSnapshotHarness} drive a two-input operator: the harness input is an
 * {@link Either} of the two inputs, routed to {@code processElement1/2} with the key set through
 * the operator's own per-input key selectors. A harness watermark advances both inputs;
 * {@link #processWatermark1}/{@link #processWatermark2} advance one. Test code, single-threaded.
 */
public final class TwoInputAdapter<IN1, IN2, OUT> implements OneInputStreamOperator<TwoInputAdapter.Either<IN1, IN2>, OUT> {
    private static final long serialVersionUID = 1L;

    /** A record of input 1 ({@code left}) or input 2 ({@code right}). */
    public record Either<A, B>(A left, B right, boolean isLeft) implements Serializable {
        public static <A, B> Either<A, B> left(A value) {
            return new Either<>(value, null, true);
        }

        public static <A, B> Either<A, B> right(B value) {
            return new Either<>(null, value, false);
        }
    }

    private final TwoInputStreamOperator<IN1, IN2, OUT> operator;
    private final KeySelector<IN1, ?> keySelector1;
    private final KeySelector<IN2, ?> keySelector2;
    private transient java.util.Map<String, java.util.List<StreamRecord<?>>> sideOutputs;

    /** @param keySelector2 null when input 2 is not keyed (broadcast side) */
    public TwoInputAdapter(TwoInputStreamOperator<IN1, IN2, OUT> operator, KeySelector<IN1, ?> keySelector1,
            KeySelector<IN2, ?> keySelector2) {
        this.operator = operator;
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
    }

    /** The harness's key selector for a keyed operator whose inputs both have keys. */
    public static <A, B> KeySelector<Either<A, B>, Object> eitherKey(KeySelector<A, ?> k1, KeySelector<B, ?> k2) {
        return e -> e.isLeft() ? k1.getKey(e.left()) : k2.getKey(e.right());
    }

    public TwoInputStreamOperator<IN1, IN2, OUT> getOperator() {
        return operator;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        sideOutputs = new java.util.HashMap<>();
        Output<StreamRecord<OUT>> main = parameters.getOutput();
        Output<StreamRecord<OUT>> capturing = new Output<>() {
            @Override
            public void collect(StreamRecord<OUT> record) {
                main.collect(record);
            }

            @Override
            public <X> void collect(dev.eddy.util.OutputTag<X> outputTag, StreamRecord<X> record) {
                sideOutputs.computeIfAbsent(outputTag.getId(), k -> new java.util.ArrayList<>()).add(with(record, record.getValue()));
            }

            @Override
            public void emitWatermark(Watermark mark) {
                main.emitWatermark(mark);
            }

            @Override
            public void close() {
                main.close();
            }
        };
        operator.setup(new StreamOperatorParameters<>() {
            @Override
            public Output<StreamRecord<OUT>> getOutput() {
                return capturing;
            }

            @Override
            public RuntimeContext getRuntimeContext() {
                return parameters.getRuntimeContext();
            }

            @Override
            public ProcessingTimeService getProcessingTimeService() {
                return parameters.getProcessingTimeService();
            }

            @Override
            public MailboxExecutor getMailboxExecutor() {
                return parameters.getMailboxExecutor();
            }

            @Override
            public KeyedStateBackend<Object> getKeyedStateBackend() {
                return parameters.getKeyedStateBackend();
            }

            @Override
            public KeySelector<?, ?> getStateKeySelector(int input) {
                if (parameters.getKeyedStateBackend() == null) {
                    return null;
                }
                return input == 0 ? keySelector1 : keySelector2;
            }
        });
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        operator.initializeState(context);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        operator.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        operator.snapshotState(context);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        operator.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void open() throws Exception {
        operator.open();
    }

    @Override
    public void finish() throws Exception {
        operator.finish();
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }

    @Override
    public void setKeyContextElement(StreamRecord<Either<IN1, IN2>> record) throws Exception {
        Either<IN1, IN2> e = record.getValue();
        if (e.isLeft()) {
            operator.setKeyContextElement1(with(record, e.left()));
        } else if (keySelector2 != null) {
            operator.setKeyContextElement2(with(record, e.right()));
        }
    }

    @Override
    public void processElement(StreamRecord<Either<IN1, IN2>> record) throws Exception {
        Either<IN1, IN2> e = record.getValue();
        if (e.isLeft()) {
            operator.processElement1(with(record, e.left()));
        } else {
            operator.processElement2(with(record, e.right()));
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        operator.processWatermark1(mark);
        operator.processWatermark2(mark);
    }

    /** A new record (the harness's record is not changed) with {@code value} and the same timestamp. */
    private static <X> StreamRecord<X> with(StreamRecord<?> record, X value) {
        return record.hasTimestamp() ? new StreamRecord<>(value, record.getTimestamp()) : new StreamRecord<>(value);
    }

    /** The records the operator emitted to side output {@code tagId}, in order (harness outputs ignore side outputs). */
    public java.util.List<StreamRecord<?>> getSideOutput(String tagId) {
        return sideOutputs.getOrDefault(tagId, java.util.List.of());
    }

    public void processWatermark1(long timestamp) throws Exception {
        operator.processWatermark1(new Watermark(timestamp));
    }

    public void processWatermark2(long timestamp) throws Exception {
        operator.processWatermark2(new Watermark(timestamp));
    }
}
