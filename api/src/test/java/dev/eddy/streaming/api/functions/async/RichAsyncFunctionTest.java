package dev.eddy.streaming.api.functions.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.JobInfo;
import dev.eddy.api.common.TaskInfo;
import dev.eddy.api.common.functions.RuntimeContext;
import dev.eddy.api.common.state.ValueState;
import dev.eddy.api.common.state.ValueStateDescriptor;
import dev.eddy.api.common.state.MapStateDescriptor;
import org.junit.jupiter.api.Test;

class RichAsyncFunctionTest {
    static final class Noop extends RichAsyncFunction<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void asyncInvoke(String input, ResultFuture<String> resultFuture) {}
    }

    @Test
    void theRuntimeContextForwardsTaskInformationButRefusesState() {
        ClassLoader loader = new ClassLoader() {};
        RuntimeContext full = new RuntimeContext() {
            @Override
            public JobInfo getJobInfo() {
                return null;
            }

            @Override
            public TaskInfo getTaskInfo() {
                return null;
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return loader;
            }

            @Override
            public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
                throw new AssertionError("must not be reached");
            }
        };
        Noop fn = new Noop();
        fn.setRuntimeContext(full);
        assertThat(fn.getRuntimeContext().getUserCodeClassLoader()).isSameAs(loader);
        assertThatThrownBy(() -> fn.getRuntimeContext().getState(new ValueStateDescriptor<>("seen", String.class)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("'seen'").hasMessageContaining("rich async");
        assertThatThrownBy(() -> fn.getRuntimeContext().getMapState(new MapStateDescriptor<>("m", String.class, Long.class)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
