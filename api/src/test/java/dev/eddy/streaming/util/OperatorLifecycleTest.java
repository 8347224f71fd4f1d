package dev.eddy.streaming.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.functions.FilterFunction;
import dev.eddy.streaming.api.operators.StreamFilter;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorLifecycleTest {

    @Test
    void transitionTableIsExactlyTheDocumentedOne() {
        Set<String> legal = Set.of("CREATED->SET_UP", "SET_UP->OPEN", "SET_UP->CLOSED", "OPEN->FINISHED",
                "OPEN->CLOSED", "FINISHED->CLOSED");
        for (OperatorLifecycle from : OperatorLifecycle.values()) {
            for (OperatorLifecycle to : EnumSet.allOf(OperatorLifecycle.class)) {
                boolean expected = legal.contains(from + "->" + to);
                assertThat(from.canTransitionTo(to)).as(from + "->" + to).isEqualTo(expected);
                if (!expected) {
                    assertThatThrownBy(() -> from.transitionTo(to)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(from + " -> " + to);
                }
            }
        }
    }

    @Test
    void harnessRejectsInputOutsideTheOpenState() throws Exception {
        OneInputStreamOperatorTestHarness<Integer, Integer> h =
                new OneInputStreamOperatorTestHarness<>(new StreamFilter<>((FilterFunction<Integer>) v -> true));
        assertThatThrownBy(() -> h.processElement(1)).isInstanceOf(IllegalStateException.class);
        h.open();
        h.processElement(1);
        h.finish();
        assertThatThrownBy(() -> h.processElement(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("FINISHED");
        h.close();
        assertThat(h.getLifecycleState()).isEqualTo(OperatorLifecycle.CLOSED);
        assertThatThrownBy(h::close).isInstanceOf(IllegalStateException.class);
        assertThat(h.extractOutputValues()).containsExactly(1);
    }
}
