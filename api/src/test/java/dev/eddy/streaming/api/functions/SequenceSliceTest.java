package dev.eddy.streaming.api.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.streaming.api.functions.source.legacy.SequenceSourceFunction;
import org.junit.jupiter.api.Test;

class SequenceSliceTest {

    @Test
    void slicesAreContiguousNearEqualAndCoverTheRange() {
        for (int p = 1; p <= 7; p++) {
            long expectedNext = 3;
            for (int i = 0; i < p; i++) {
                long start = SequenceSourceFunction.sliceStart(3, 22, i, p);
                long end = i + 1 == p ? 22 : SequenceSourceFunction.sliceStart(3, 22, i + 1, p) - 1;
                assertThat(start).isEqualTo(expectedNext);
                assertThat(end - start + 1).isBetween(20L / p, 20L / p + 1);
                expectedNext = end + 1;
            }
            assertThat(expectedNext).isEqualTo(23);
        }
    }
}
