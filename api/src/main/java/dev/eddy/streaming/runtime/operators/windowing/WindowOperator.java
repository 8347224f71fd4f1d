package dev.eddy.streaming.runtime.operators.windowing;

import dev.eddy.api.common.state.AppendingState;
import dev.eddy.api.common.state.MergingState;
import dev.eddy.api.common.state.State;
import dev.eddy.api.common.state.StateDescriptor;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.common.typeutils.base.MapSerializer;
import dev.eddy.runtime.state.KeyedStateBackend;
import dev.eddy.runtime.state.internal.InternalAppendingState;
import dev.eddy.runtime.state.internal.InternalMergingState;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.InternalTimer;
import dev.eddy.streaming.api.operators.InternalTimerService;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.Triggerable;
import dev.eddy.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.triggers.TriggerResult;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalWindowFunction;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keyed windows: assigns each element to windows, keeps window contents in keyed state in the
 * window's namespace (a list, or a reducing/aggregating state for incremental aggregation), asks
 * the {@link Trigger} when to evaluate, and calls the window function on firing. Results carry the
 * timestamp {@code window.maxTimestamp()}.
 *
 * <p>Lateness (event-time assigners only): a window lives until its cleanup time
 * {@code maxTimestamp + allowedLateness}; elements for a window still alive are added (and the
 * default trigger fires the window again); an element all of whose windows are past cleanup is
 * late: it goes to the late-data side output if one is set, else it is dropped and counted. At the
 * cleanup time (a timer) the window's contents, trigger state and per-window function state are
 * cleared. Processing-time windows are cleaned up at their max timestamp.
 *
 * <p>Merging assigners (sessions): the in-flight windows of a key and the namespace holding each
 * one's contents are a {@link MergingWindowSet} in keyed state; merges merge contents
 * ({@code mergeNamespaces}) and trigger state ({@code Trigger.onMerge}).
 *
 * <p>Timers come from the timer service {@code "window-timers"} (namespace: the window), so they
 * are part of checkpoints. Task thread only; no locks.
 *
 * @param <ACC> what the window state yields on firing (the contents iterable or the aggregate)
 */
public class WindowOperator<K, IN, ACC, OUT, W extends Window> extends AbstractUdfStreamOperator<OUT, InternalWindowFunction<ACC, OUT, K, W>>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, W> {
    private static final long serialVersionUID = 1L;

    protected final WindowAssigner<? super IN, W> windowAssigner;
    protected final TypeSerializer<W> windowSerializer;
    protected final StateDescriptor<? extends AppendingState<?, ACC>, ?> windowStateDescriptor;
    protected final Trigger<? super IN, ? super W> trigger;
    protected final long allowedLateness;
    protected final OutputTag<IN> lateDataOutputTag;

    protected transient InternalAppendingState<K, W, Object, Object, ACC> windowState;
    private transient InternalMergingState<K, W, Object, Object, ACC> windowMergingState;
    private transient ValueState<Map<W, W>> mergingSetsState;
    protected transient InternalTimerService<W> internalTimerService;
    protected transient TriggerContextImpl triggerContext;
    protected transient WindowContext processContext;
    protected transient TimestampedCollector<OUT> timestampedCollector;
    private transient WindowAssigner.WindowAssignerContext assignerContext;
    private transient long numLateRecordsDropped;

    public WindowOperator(WindowAssigner<? super IN, W> windowAssigner, TypeSerializer<W> windowSerializer,
            StateDescriptor<? extends AppendingState<?, ACC>, ?> windowStateDescriptor, InternalWindowFunction<ACC, OUT, K, W> windowFunction,
            Trigger<? super IN, ? super W> trigger, long allowedLateness, OutputTag<IN> lateDataOutputTag) {
        super(windowFunction);
        this.windowAssigner = Objects.requireNonNull(windowAssigner, "window assigner");
        this.windowSerializer = Objects.requireNonNull(windowSerializer, "window serializer");
        this.windowStateDescriptor = windowStateDescriptor;
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("Allowed lateness must be >= 0, got " + allowedLateness + " ms");
        }
        this.allowedLateness = allowedLateness;
        this.lateDataOutputTag = lateDataOutputTag;
        if (windowAssigner instanceof MergingWindowAssigner<?, ?> && !trigger.canMerge()) {
            throw new IllegalArgumentException("Trigger " + trigger + " cannot be used with the merging window assigner " + windowAssigner
                    + ": its canMerge() is false. Use a trigger that supports merging (e.g. EventTimeTrigger, CountTrigger).");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        KeyedStateBackend<Object> backend = requireKeyedBackend();
        timestampedCollector = new TimestampedCollector<>(output);
        internalTimerService = getInternalTimerService("window-timers", windowSerializer, this);
        triggerContext = new TriggerContextImpl();
        processContext = new WindowContext();
        assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return internalTimerService.currentProcessingTime();
            }
        };
        if (windowStateDescriptor != null) {
            windowState = (InternalAppendingState<K, W, Object, Object, ACC>) backend.getOrCreateKeyedState(windowSerializer,
                    (StateDescriptor<State, Object>) (StateDescriptor<?, ?>) windowStateDescriptor);
        }
        if (windowAssigner instanceof MergingWindowAssigner<?, ?>) {
            if (!(windowState instanceof InternalMergingState<?, ?, ?, ?, ?>)) {
                throw new IllegalStateException("Merging windows need a mergeable window state (list, reducing or aggregating), got "
                        + windowStateDescriptor);
            }
            windowMergingState = (InternalMergingState<K, W, Object, Object, ACC>) windowState;
            ValueStateDescriptor<Map<W, W>> d =
                    new ValueStateDescriptor<>("merging-window-set", new MapSerializer<>(windowSerializer, windowSerializer));
            mergingSetsState = backend.getPartitionedState(d);
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        timestampedCollector = null;
        triggerContext = null;
        processContext = null;
    }

    /** Elements dropped because they were late beyond the allowed lateness and no late-data output was set. */
    public long getNumLateRecordsDropped() {
        return numLateRecordsDropped;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(StreamRecord<IN> element) throws Exception {
        long timestamp = element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE;
        Collection<W> elementWindows = (Collection<W>) windowAssigner.assignWindows(element.getValue(), timestamp, assignerContext);
        K key = (K) getCurrentKey();
        boolean skipped = windowAssigner instanceof MergingWindowAssigner<?, ?>
                ? processMerging(element, timestamp, elementWindows, key)
                : processNonMerging(element, timestamp, elementWindows, key);
        if (skipped && isElementLate(element)) {
            if (lateDataOutputTag != null) {
                output.collect(lateDataOutputTag, element);
            } else {
                numLateRecordsDropped++;
            }
        }
    }

    /** @return true if the element went into no window (all were late) */
    private boolean processNonMerging(StreamRecord<IN> element, long timestamp, Collection<W> windows, K key) throws Exception {
        boolean skipped = true;
        for (W window : windows) {
            if (isWindowLate(window)) {
                continue;
            }
            skipped = false;
            windowState.setCurrentNamespace(window);
            addToWindowState(element);
            triggerContext.set(key, window);
            TriggerResult result = triggerContext.onElement(element.getValue(), timestamp);
            handleTriggerResult(result, key, window);
            registerCleanupTimer(window);
        }
        return skipped;
    }

    private boolean processMerging(StreamRecord<IN> element, long timestamp, Collection<W> windows, K key) throws Exception {
        MergingWindowSet<W> mergingWindows = mergingWindowSet();
        boolean skipped = true;
        for (W window : windows) {
            W actualWindow = mergingWindows.addWindow(window, (mergeResult, mergedWindows, stateWindowResult, mergedStateWindows) -> {
                if (windowAssigner.isEventTime() && cleanupTime(mergeResult) <= internalTimerService.currentWatermark()) {
                    throw new IllegalStateException("The end timestamp of the event-time window " + mergeResult + " resulting from a merge"
                            + " is already behind the watermark " + internalTimerService.currentWatermark()
                            + "; a merging assigner must not produce such windows");
                }
                triggerContext.set(key, mergeResult);
                triggerContext.onMerge(mergedWindows);
                for (W merged : mergedWindows) {
                    if (!merged.equals(mergeResult)) {
                        triggerContext.set(key, merged);
                        triggerContext.clear();
                        deleteCleanupTimer(merged);
                    }
                }
                windowMergingState.mergeNamespaces(stateWindowResult, mergedStateWindows);
            });
            if (isWindowLate(actualWindow)) {
                mergingWindows.retireWindow(actualWindow);
                continue;
            }
            skipped = false;
            W stateWindow = mergingWindows.getStateWindow(actualWindow);
            if (stateWindow == null) {
                throw new IllegalStateException("Window " + actualWindow + " has no state window in " + mergingWindows);
            }
            windowState.setCurrentNamespace(stateWindow);
            addToWindowState(element);
            triggerContext.set(key, actualWindow);
            TriggerResult result = triggerContext.onElement(element.getValue(), timestamp);
            handleTriggerResult(result, key, actualWindow);
            registerCleanupTimer(actualWindow);
        }
        mergingWindows.persist();
        return skipped;
    }

    /** Adds the element to the window state (namespace already set). Evicting windows keep the timestamp too. */
    protected void addToWindowState(StreamRecord<IN> element) throws Exception {
        windowState.add(element.getValue());
    }

    private void handleTriggerResult(TriggerResult result, K key, W window) throws Exception {
        if (result.isFire()) {
            ACC contents = windowState.get();
            if (contents != null) {
                emitWindowContents(key, window, contents);
            }
        }
        if (result.isPurge()) {
            windowState.clear();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, false);
    }

    private void onTimer(InternalTimer<K, W> timer, boolean eventTime) throws Exception {
        K key = timer.getKey();
        W window = timer.getNamespace();
        triggerContext.set(key, window);
        MergingWindowSet<W> mergingWindows = null;
        if (windowAssigner instanceof MergingWindowAssigner<?, ?>) {
            mergingWindows = mergingWindowSet();
            W stateWindow = mergingWindows.getStateWindow(window);
            if (stateWindow == null) {
                return; // a timer of a window that has been merged into another one since
            }
            windowState.setCurrentNamespace(stateWindow);
        } else {
            windowState.setCurrentNamespace(window);
        }
        TriggerResult result = eventTime ? triggerContext.onEventTime(timer.getTimestamp())
                : triggerContext.onProcessingTime(timer.getTimestamp());
        handleTriggerResult(result, key, window);
        if (eventTime == windowAssigner.isEventTime() && timer.getTimestamp() == cleanupTime(window)) {
            clearAllState(window, mergingWindows);
        }
        if (mergingWindows != null) {
            mergingWindows.persist();
        }
    }

    private void clearAllState(W window, MergingWindowSet<W> mergingWindows) throws Exception {
        windowState.clear();
        triggerContext.clear();
        processContext.window = window;
        userFunction.clear(window, processContext);
        if (mergingWindows != null) {
            mergingWindows.retireWindow(window);
        }
    }

    /** Calls the window function on {@code contents}; results carry {@code window.maxTimestamp()}. */
    @SuppressWarnings("unchecked")
    protected void emitWindowContents(K key, W window, ACC contents) throws Exception {
        timestampedCollector.setAbsoluteTimestamp(window.maxTimestamp());
        processContext.window = window;
        userFunction.process(key, window, processContext, contents, timestampedCollector);
    }

    private MergingWindowSet<W> mergingWindowSet() throws Exception {
        @SuppressWarnings("unchecked")
        MergingWindowAssigner<?, W> merging = (MergingWindowAssigner<?, W>) windowAssigner;
        return new MergingWindowSet<>(merging, mergingSetsState);
    }

    // ---------------------------------------------------------------- lateness and cleanup

    protected boolean isWindowLate(W window) {
        return windowAssigner.isEventTime() && cleanupTime(window) <= internalTimerService.currentWatermark();
    }

    protected boolean isElementLate(StreamRecord<IN> element) {
        return windowAssigner.isEventTime() && element.hasTimestamp()
                && element.getTimestamp() + allowedLateness <= internalTimerService.currentWatermark();
    }

    /** When the window's state goes: max timestamp plus allowed lateness (event time), else max timestamp. */
    protected long cleanupTime(W window) {
        if (windowAssigner.isEventTime()) {
            long cleanup = window.maxTimestamp() + allowedLateness;
            return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
        }
        return window.maxTimestamp();
    }

    private void registerCleanupTimer(W window) {
        long cleanup = cleanupTime(window);
        if (cleanup == Long.MAX_VALUE) {
            return; // never cleaned up (global window)
        }
        if (windowAssigner.isEventTime()) {
            triggerContext.registerEventTimeTimer(cleanup);
        } else {
            triggerContext.registerProcessingTimeTimer(cleanup);
        }
    }

    private void deleteCleanupTimer(W window) {
        long cleanup = cleanupTime(window);
        if (cleanup == Long.MAX_VALUE) {
            return;
        }
        if (windowAssigner.isEventTime()) {
            triggerContext.deleteEventTimeTimer(cleanup);
        } else {
            triggerContext.deleteProcessingTimeTimer(cleanup);
        }
    }

    // ---------------------------------------------------------------- contexts

    /** Namespaced keyed state of the current key (the window's, or the global one). */
    protected <S extends State> S windowScopedState(W window, StateDescriptor<S, ?> descriptor) {
        try {
            return requireKeyedBackend().getPartitionedState(window, windowSerializer, descriptor);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not get the window state '" + descriptor.getName() + "' of window " + window, e);
        }
    }

    /** The trigger's view of the current key and window; also used to call the trigger. */
    protected final class TriggerContextImpl implements Trigger.OnMergeContext {
        private K key;
        private W window;
        private Collection<W> mergedWindows = List.of();

        void set(K key, W window) {
            this.key = key;
            this.window = window;
        }

        @SuppressWarnings("unchecked")
        TriggerResult onElement(IN element, long timestamp) throws Exception {
            return ((Trigger<IN, W>) trigger).onElement(element, timestamp, window, this);
        }

        @SuppressWarnings("unchecked")
        TriggerResult onEventTime(long time) throws Exception {
            return ((Trigger<IN, W>) trigger).onEventTime(time, window, this);
        }

        @SuppressWarnings("unchecked")
        TriggerResult onProcessingTime(long time) throws Exception {
            return ((Trigger<IN, W>) trigger).onProcessingTime(time, window, this);
        }

        @SuppressWarnings("unchecked")
        void onMerge(Collection<W> merged) throws Exception {
            mergedWindows = merged;
            try {
                ((Trigger<IN, W>) trigger).onMerge(window, this);
            } finally {
                mergedWindows = List.of();
            }
        }

        @SuppressWarnings("unchecked")
        void clear() throws Exception {
            ((Trigger<IN, W>) trigger).clear(window, this);
        }

        @Override
        public long getCurrentProcessingTime() {
            return internalTimerService.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return internalTimerService.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            internalTimerService.registerProcessingTimeTimer(window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            internalTimerService.registerEventTimeTimer(window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            internalTimerService.deleteProcessingTimeTimer(window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            internalTimerService.deleteEventTimeTimer(window, time);
        }

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            return windowScopedState(window, stateDescriptor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            if (mergedWindows.isEmpty()) {
                return;
            }
            S state = windowScopedState(window, stateDescriptor);
            if (!(state instanceof InternalMergingState<?, ?, ?, ?, ?>)) {
                throw new IllegalArgumentException("State '" + stateDescriptor.getName() + "' cannot be merged: only list, reducing and"
                        + " aggregating state can");
            }
            try {
                ((InternalMergingState<K, W, ?, ?, ?>) state).mergeNamespaces(window, mergedWindows);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not merge the trigger state '" + stateDescriptor.getName() + "' into " + window, e);
            }
        }
    }

    /** The window function's view of the window being evaluated or cleared. */
    protected final class WindowContext implements InternalWindowFunction.InternalWindowContext {
        W window;
        private final WindowKeyedStateStore<W> perWindow = new WindowKeyedStateStore<>(this::currentWindowState);
        private final WindowKeyedStateStore<W> global = new WindowKeyedStateStore<>(this::globalState);

        private <S extends State> S currentWindowState(StateDescriptor<S, ?> d) {
            return windowScopedState(window, d);
        }

        private <S extends State> S globalState(StateDescriptor<S, ?> d) {
            try {
                return requireKeyedBackend().getPartitionedState(d);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Could not get the keyed state '" + d.getName() + "'", e);
            }
        }

        @Override
        public long currentProcessingTime() {
            return internalTimerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return internalTimerService.currentWatermark();
        }

        @Override
        public dev.eddy.api.common.state.KeyedStateStore windowState() {
            return perWindow;
        }

        @Override
        public dev.eddy.api.common.state.KeyedStateStore globalState() {
            return global;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            Objects.requireNonNull(outputTag, "output tag");
            output.collect(outputTag, new StreamRecord<>(value, window.maxTimestamp()));
        }
    }
}
