package dev.eddy.streaming.runtime.operators.windowing;

import dev.eddy.api.common.state.ListStateDescriptor;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.streaming.api.windowing.assigners.WindowAssigner;
import dev.eddy.streaming.api.windowing.evictors.Evictor;
import dev.eddy.streaming.api.windowing.triggers.Trigger;
import dev.eddy.streaming.api.windowing.windows.Window;
import dev.eddy.streaming.runtime.operators.windowing.functions.InternalWindowFunction;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link WindowOperator} with an {@link Evictor}: window contents are kept as elements with their
 * timestamps (a list state of stream records), and on each firing the evictor may remove elements
 * before and after the window function runs; what remains is written back as the window's contents.
 * Reduce and aggregate on such windows are computed over the remaining elements at firing time.
 * Task thread only.
 */
public class EvictingWindowOperator<K, IN, OUT, W extends Window> extends WindowOperator<K, IN, Iterable<IN>, OUT, W> {
    private static final long serialVersionUID = 1L;
    private final Evictor<? super IN, ? super W> evictor;
    private transient EvictorContextImpl evictorContext;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public EvictingWindowOperator(WindowAssigner<? super IN, W> windowAssigner, TypeSerializer<W> windowSerializer,
            ListStateDescriptor<StreamRecord<IN>> windowStateDescriptor, InternalWindowFunction<Iterable<IN>, OUT, K, W> windowFunction,
            Trigger<? super IN, ? super W> trigger, Evictor<? super IN, ? super W> evictor, long allowedLateness,
            OutputTag<IN> lateDataOutputTag) {
        super(windowAssigner, windowSerializer, (ListStateDescriptor) windowStateDescriptor, windowFunction, trigger, allowedLateness,
                lateDataOutputTag);
        this.evictor = Objects.requireNonNull(evictor, "evictor");
    }

    @Override
    public void open() throws Exception {
        super.open();
        evictorContext = new EvictorContextImpl();
    }

    @Override
    protected void addToWindowState(StreamRecord<IN> element) throws Exception {
        StreamRecord<IN> copy = element.hasTimestamp() ? new StreamRecord<>(element.getValue(), element.getTimestamp())
                : new StreamRecord<>(element.getValue());
        windowState.add(copy);
    }

    /** {@code contents} are the stored stream records of the window (the state's raw list). */
    @Override
    @SuppressWarnings("unchecked")
    protected void emitWindowContents(K key, W window, Iterable<IN> contents) throws Exception {
        List<TimestampedValue<IN>> elements = new ArrayList<>();
        for (Object record : (Iterable<Object>) (Iterable<?>) contents) {
            elements.add(TimestampedValue.from((StreamRecord<IN>) record));
        }
        Evictor<IN, W> e = (Evictor<IN, W>) evictor;
        e.evictBefore(elements, elements.size(), window, evictorContext);
        List<IN> values = new ArrayList<>(elements.size());
        for (TimestampedValue<IN> v : elements) {
            values.add(v.getValue());
        }
        timestampedCollector.setAbsoluteTimestamp(window.maxTimestamp());
        processContext.window = window;
        userFunction.process(key, window, processContext, values, timestampedCollector);
        e.evictAfter(elements, elements.size(), window, evictorContext);
        windowState.clear();
        for (TimestampedValue<IN> v : elements) {
            windowState.add(v.getStreamRecord());
        }
    }

    public Evictor<? super IN, ? super W> getEvictor() {
        return evictor;
    }

    private final class EvictorContextImpl implements Evictor.EvictorContext {
        @Override
        public long getCurrentProcessingTime() {
            return internalTimerService.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return internalTimerService.currentWatermark();
        }
    }
}
