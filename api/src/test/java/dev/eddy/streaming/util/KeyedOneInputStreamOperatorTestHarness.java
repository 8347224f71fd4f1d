package dev.eddy.streaming.util;

import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;

/** A harness for a keyed operator: the key selector sets the current key before each record. */
public class KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> extends OneInputStreamOperatorTestHarness<IN, OUT> {
    public KeyedOneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, K> keySelector) {
        super(operator, keySelector, 128, 1, 0);
    }

    public KeyedOneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, K> keySelector,
            int maxParallelism, int parallelism, int subtaskIndex) {
        super(operator, keySelector, maxParallelism, parallelism, subtaskIndex);
    }
}
