package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.ReduceFunction;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import dev.eddy.streaming.util.TestTypes;
import org.junit.jupiter.api.Test;

class StreamGroupedReduceOperatorTest {

    @Test
    void emitsTheRollingReductionPerKeyForEveryRecord() throws Exception {
        ReduceFunction<Integer> sum = Integer::sum;
        KeyedOneInputStreamOperatorTestHarness<Integer, Integer, Integer> h = new KeyedOneInputStreamOperatorTestHarness<>(
                new StreamGroupedReduceOperator<>(sum, TestTypes.INT.createSerializer(null)), v -> v % 2);
        h.open();
        h.processElement(1, 10L);
        h.processElement(2, 11L);
        h.processElement(3, 12L);
        h.processElement(4, 13L);
        h.processElement(5, 14L);
        assertThat(h.extractOutputStreamRecords()).containsExactly(
                new StreamRecord<>(1, 10L), new StreamRecord<>(2, 11L), new StreamRecord<>(4, 12L),
                new StreamRecord<>(6, 13L), new StreamRecord<>(9, 14L));
        assertThat(h.getKeyedStateBackend().getTable("_op_state")).containsEntry(1, 9).containsEntry(0, 6);
    }
}
