package dev.eddy.streaming.api.operators;

import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Base class of operators: keeps the parameters from {@link #setup}, the output, the current
 * watermark and the keyed context. By default a watermark is forwarded unchanged. Keyed operators
 * get the current key set from each record through the state key selector of its input
 * ({@code setKeyContextElement*}), which the runtime calls before processing the record.
 *
 * <p>All methods run on the task thread. Subclasses keep runtime state in transient fields and
 * create it in {@code setup}/{@code open}: the operator object is a serialized prototype.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {
    private static final long serialVersionUID = 1L;

    protected transient StreamOperatorParameters<OUT> parameters;
    protected transient Output<StreamRecord<OUT>> output;
    protected transient long currentWatermark = Long.MIN_VALUE;
    private transient long input1Watermark = Long.MIN_VALUE;
    private transient long input2Watermark = Long.MIN_VALUE;
    private transient boolean input1Idle;
    private transient boolean input2Idle;
    private transient boolean combinedIdle;
    private transient KeyedStateBackend<Object> keyedStateBackend;
    private transient KeySelector<Object, ?> stateKeySelector1;
    private transient KeySelector<Object, ?> stateKeySelector2;
    private transient InternalTimeServiceManager timeServiceManager;

    @Override
    @SuppressWarnings("unchecked")
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.parameters = parameters;
        this.output = parameters.getOutput();
        this.currentWatermark = Long.MIN_VALUE;
        this.input1Watermark = Long.MIN_VALUE;
        this.input2Watermark = Long.MIN_VALUE;
        this.input1Idle = false;
        this.input2Idle = false;
        this.combinedIdle = false;
        this.keyedStateBackend = parameters.getKeyedStateBackend();
        this.stateKeySelector1 = (KeySelector<Object, ?>) parameters.getStateKeySelector(0);
        this.stateKeySelector2 = (KeySelector<Object, ?>) parameters.getStateKeySelector(1);
        this.timeServiceManager = null;
    }

    /** Restores the timers of this subtask's key groups (keyed operators). Subclasses call super first. */
    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        if (keyedStateBackend != null) {
            timeServiceManager().restore(context.getRawKeyedStateInputs());
        }
    }

    /** Writes the timers of all timer services into raw keyed state. Subclasses call super. */
    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        if (timeServiceManager != null && timeServiceManager.hasTimers()) {
            timeServiceManager.snapshot(context.getRawKeyedOperatorStateOutput());
        }
    }

    @Override
    public void open() throws Exception {}

    @Override
    public void finish() throws Exception {}

    /** Cancels the pending processing-time callbacks of the timer services. */
    @Override
    public void close() throws Exception {
        if (timeServiceManager != null) {
            timeServiceManager.close();
        }
    }

    /**
     * Records the watermark, fires the event-time timers it passes (all timer services, in order),
     * then forwards it.
     */
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.getTimestamp();
        advanceTimerServices(mark.getTimestamp());
        output.emitWatermark(mark);
    }

    /** Fires the event-time timers of every timer service up to {@code time} (no-op without services). */
    protected final void advanceTimerServices(long time) throws Exception {
        if (timeServiceManager != null) {
            timeServiceManager.advanceWatermark(time);
        }
    }

    /** The (only) input became idle or active again: forwarded downstream unchanged. */
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    /**
     * Two-input operators: event time advances to the minimum over the inputs that are not idle
     * (an idle input does not hold it back; when both are idle it stays where it is).
     */
    public void processWatermark1(Watermark mark) throws Exception {
        input1Watermark = mark.getTimestamp();
        advanceCombinedWatermark();
    }

    /** Two-input operators: see {@link #processWatermark1}. */
    public void processWatermark2(Watermark mark) throws Exception {
        input2Watermark = mark.getTimestamp();
        advanceCombinedWatermark();
    }

    /** Two-input operators: input 1's status; the output is idle only while both inputs are. */
    public void processWatermarkStatus1(WatermarkStatus status) throws Exception {
        input1Idle = status.isIdle();
        combineInputStatus();
    }

    /** Two-input operators: input 2's status; see {@link #processWatermarkStatus1}. */
    public void processWatermarkStatus2(WatermarkStatus status) throws Exception {
        input2Idle = status.isIdle();
        combineInputStatus();
    }

    private void combineInputStatus() throws Exception {
        boolean idle = input1Idle && input2Idle;
        if (!idle && combinedIdle) {
            combinedIdle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE); // active before the watermark it may release
        }
        advanceCombinedWatermark();
        if (idle && !combinedIdle) {
            combinedIdle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    private void advanceCombinedWatermark() throws Exception {
        long combined;
        if (input1Idle && input2Idle) {
            return;
        } else if (input1Idle) {
            combined = input2Watermark;
        } else if (input2Idle) {
            combined = input1Watermark;
        } else {
            combined = Math.min(input1Watermark, input2Watermark);
        }
        if (combined > currentWatermark) {
            processWatermark(new Watermark(combined));
        }
    }

    /** Sets the current key from the record with the first input's state key selector (if keyed). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void setKeyContextElement(StreamRecord record) throws Exception {
        setKeyContextElement1(record);
    }

    @SuppressWarnings("rawtypes")
    public void setKeyContextElement1(StreamRecord record) throws Exception {
        setKeyContext(record, stateKeySelector1);
    }

    @SuppressWarnings("rawtypes")
    public void setKeyContextElement2(StreamRecord record) throws Exception {
        setKeyContext(record, stateKeySelector2);
    }

    @SuppressWarnings("rawtypes")
    private void setKeyContext(StreamRecord record, KeySelector<Object, ?> selector) throws Exception {
        if (selector != null && keyedStateBackend != null) {
            keyedStateBackend.setCurrentKey(selector.getKey(record.getValue()));
        }
    }

    public void setCurrentKey(Object key) {
        requireKeyedBackend().setCurrentKey(key);
    }

    public Object getCurrentKey() {
        return requireKeyedBackend().getCurrentKey();
    }

    /** The keyed backend, or null if this operator is not keyed. */
    public KeyedStateBackend<Object> getKeyedStateBackend() {
        return keyedStateBackend;
    }

    protected KeyedStateBackend<Object> requireKeyedBackend() {
        if (keyedStateBackend == null) {
            throw new UnsupportedOperationException(getClass().getSimpleName()
                    + " has no keyed state here: keyed state and timers are only available after keyBy()");
        }
        return keyedStateBackend;
    }

    /**
     * The timer service named {@code name} of this keyed operator, created on first call (later
     * calls with the same name return the same service; the triggerable and namespace serializer
     * must match). Call it in {@code open()}. Its timers are restored in {@code initializeState} and
     * written in {@code snapshotState}; event-time timers fire from {@link #processWatermark}.
     */
    public <K, N> InternalTimerService<N> getInternalTimerService(
            String name, dev.eddy.api.common.typeutils.TypeSerializer<N> namespaceSerializer, Triggerable<K, N> triggerable) {
        requireKeyedBackend();
        return timeServiceManager().getInternalTimerService(name, namespaceSerializer, triggerable);
    }

    private InternalTimeServiceManager timeServiceManager() {
        if (timeServiceManager == null) {
            timeServiceManager = new InternalTimeServiceManager(requireKeyedBackend(), getProcessingTimeService());
        }
        return timeServiceManager;
    }

    public long getCurrentWatermark() {
        return currentWatermark;
    }

    public RuntimeContext getRuntimeContext() {
        return parameters.getRuntimeContext();
    }

    public ProcessingTimeService getProcessingTimeService() {
        return parameters.getProcessingTimeService();
    }

    public Output<StreamRecord<OUT>> getOutput() {
        return output;
    }
}
