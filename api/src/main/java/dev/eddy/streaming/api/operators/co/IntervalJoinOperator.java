package dev.eddy.streaming.api.operators.co;

import dev.eddy.api.common.state.MapState;
import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.api.java.typeutils.ListTypeInfo;
import dev.eddy.streaming.api.functions.co.ProcessJoinFunction;
import dev.eddy.streaming.api.operators.AbstractUdfStreamOperator;
import dev.eddy.streaming.api.operators.InternalTimer;
import dev.eddy.streaming.api.operators.InternalTimerService;
import dev.eddy.streaming.api.operators.TimestampedCollector;
import dev.eddy.streaming.api.operators.Triggerable;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event-time interval join of two keyed streams: left record {@code l} and right record
 * {@code r} with equal keys are joined when {@code l.ts + lowerBound <= r.ts <= l.ts + upperBound}
 * (bounds already made inclusive by the API). Each record is buffered per key in keyed map state
 * (timestamp → records) and joined with the other side's buffered records on arrival; the output
 * timestamp is the larger of both. An event-time cleanup timer drops a buffered record once no
 * future record of the other side can join it. Records behind the watermark are late: dropped, or
 * sent to the late-data side output of their input when one is set.
 * Timers live in the timer service "interval-join" with the namespaces {@code "LEFT"}/{@code "RIGHT"}.
 * Task thread only.
 */
public class IntervalJoinOperator<K, T1, T2, OUT>
        extends AbstractUdfStreamOperator<OUT, ProcessJoinFunction<T1, T2, OUT>>
        implements TwoInputStreamOperator<T1, T2, OUT>, Triggerable<K, String> {
    private static final long serialVersionUID = 1L;
    private static final String LEFT = "LEFT";
    private static final String RIGHT = "RIGHT";

    private final long lowerBound;
    private final long upperBound;
    private final TypeInformation<T1> leftType;
    private final TypeInformation<T2> rightType;
    private OutputTag<T1> leftLateDataOutputTag;
    private OutputTag<T2> rightLateDataOutputTag;
    private transient MapState<Long, List<T1>> leftBuffer;
    private transient MapState<Long, List<T2>> rightBuffer;
    private transient InternalTimerService<String> cleanupTimers;
    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;

    /** @param lowerBound inclusive, ms; @param upperBound inclusive, ms; lowerBound &lt;= upperBound */
    public IntervalJoinOperator(long lowerBound, long upperBound, TypeInformation<T1> leftType, TypeInformation<T2> rightType,
            ProcessJoinFunction<T1, T2, OUT> function) {
        super(function);
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("Interval join: the lower bound " + lowerBound + " ms is above the upper bound "
                    + upperBound + " ms (after applying exclusive bounds); swap them or widen the interval");
        }
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.leftType = leftType;
        this.rightType = rightType;
    }

    /**
     * Late records (behind the watermark) of the left and right input go to these side outputs
     * instead of being dropped; null: drop. Call before the job is built.
     */
    public void setLateDataOutputTags(OutputTag<T1> leftLateDataOutputTag, OutputTag<T2> rightLateDataOutputTag) {
        this.leftLateDataOutputTag = leftLateDataOutputTag;
        this.rightLateDataOutputTag = rightLateDataOutputTag;
    }

    @Override
    public void open() throws Exception {
        super.open();
        requireKeyedBackend();
        leftBuffer = getKeyedStateBackend().getPartitionedState(
                new MapStateDescriptor<>("interval-join-left", Types.LONG, new ListTypeInfo<>(leftType)));
        rightBuffer = getKeyedStateBackend().getPartitionedState(
                new MapStateDescriptor<>("interval-join-right", Types.LONG, new ListTypeInfo<>(rightType)));
        cleanupTimers = getInternalTimerService("interval-join", StringSerializer.INSTANCE, this);
        collector = new TimestampedCollector<>(output);
        context = new ContextImpl(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<T1> element) throws Exception {
        long ts = timestampOf(element, "left");
        if (isLate(ts)) {
            if (leftLateDataOutputTag != null) {
                output.collect(leftLateDataOutputTag, element);
            }
            return;
        }
        add(leftBuffer, ts, element.getValue());
        for (Map.Entry<Long, List<T2>> bucket : rightBuffer.entries()) {
            long rightTs = bucket.getKey();
            if (rightTs >= ts + lowerBound && rightTs <= ts + upperBound) {
                for (T2 right : bucket.getValue()) {
                    emit(element.getValue(), ts, right, rightTs);
                }
            }
        }
        // The last right timestamp that can still join this record is ts + upperBound.
        cleanupTimers.registerEventTimeTimer(LEFT, upperBound > 0 ? ts + upperBound : ts);
    }

    @Override
    public void processElement2(StreamRecord<T2> element) throws Exception {
        long ts = timestampOf(element, "right");
        if (isLate(ts)) {
            if (rightLateDataOutputTag != null) {
                output.collect(rightLateDataOutputTag, element);
            }
            return;
        }
        add(rightBuffer, ts, element.getValue());
        for (Map.Entry<Long, List<T1>> bucket : leftBuffer.entries()) {
            long leftTs = bucket.getKey();
            if (ts >= leftTs + lowerBound && ts <= leftTs + upperBound) {
                for (T1 left : bucket.getValue()) {
                    emit(left, leftTs, element.getValue(), ts);
                }
            }
        }
        // The last left timestamp that can still join this record is ts - lowerBound.
        cleanupTimers.registerEventTimeTimer(RIGHT, lowerBound < 0 ? ts - lowerBound : ts);
    }

    @Override
    public void onEventTime(InternalTimer<K, String> timer) throws Exception {
        if (LEFT.equals(timer.getNamespace())) {
            leftBuffer.remove(upperBound > 0 ? timer.getTimestamp() - upperBound : timer.getTimestamp());
        } else {
            rightBuffer.remove(lowerBound < 0 ? timer.getTimestamp() + lowerBound : timer.getTimestamp());
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<K, String> timer) {
        // The join only uses event time.
    }

    private boolean isLate(long timestamp) {
        return currentWatermark != Long.MIN_VALUE && timestamp < currentWatermark;
    }

    private static <T> void add(MapState<Long, List<T>> buffer, long ts, T value) throws Exception {
        List<T> bucket = buffer.get(ts);
        List<T> updated = bucket == null ? new ArrayList<>(1) : new ArrayList<>(bucket);
        updated.add(value);
        buffer.put(ts, updated);
    }

    private void emit(T1 left, long leftTs, T2 right, long rightTs) throws Exception {
        long resultTs = Math.max(leftTs, rightTs);
        collector.setAbsoluteTimestamp(resultTs);
        context.leftTs = leftTs;
        context.rightTs = rightTs;
        context.resultTs = resultTs;
        userFunction.processElement(left, right, context, collector);
    }

    private static long timestampOf(StreamRecord<?> record, String side) {
        if (!record.hasTimestamp()) {
            throw new IllegalStateException("Interval join: a record of the " + side + " input has no timestamp (" + record
                    + "); the join runs on event time, so assign timestamps and watermarks to both inputs"
                    + " (assignTimestampsAndWatermarks or a WatermarkStrategy on the source)");
        }
        return record.getTimestamp();
    }

    private final class ContextImpl extends ProcessJoinFunction<T1, T2, OUT>.Context {
        private long leftTs;
        private long rightTs;
        private long resultTs;

        ContextImpl(ProcessJoinFunction<T1, T2, OUT> function) {
            function.super();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTs;
        }

        @Override
        public long getRightTimestamp() {
            return rightTs;
        }

        @Override
        public long getTimestamp() {
            return resultTs;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            CoOperators.emitSide(output, outputTag, value, resultTs);
        }
    }
}
