package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.functions.OpenContext;
import dev.eddy.api.common.functions.RichMapFunction;
import dev.eddy.api.common.state.CheckpointListener;
import dev.eddy.api.common.state.KeyedStateStore;
import dev.eddy.api.common.state.OperatorStateStore;
import dev.eddy.runtime.state.FunctionInitializationContext;
import dev.eddy.runtime.state.FunctionSnapshotContext;
import dev.eddy.runtime.state.KeyGroupStatePartitionStreamProvider;
import dev.eddy.runtime.state.KeyedStateCheckpointOutputStream;
import dev.eddy.runtime.state.StateInitializationContext;
import dev.eddy.runtime.state.StateSnapshotContext;
import dev.eddy.streaming.api.checkpoint.CheckpointedFunction;
import dev.eddy.streaming.api.functions.source.legacy.SourceFunction;
import dev.eddy.streaming.util.OneInputStreamOperatorTestHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserFunctionCheckpointHooksTest {
    /** Every call reaches this list (static: the harness clones the operator). */
    static final List<String> CALLS = new ArrayList<>();

    static final class TracingMap extends RichMapFunction<String, String> implements CheckpointedFunction, CheckpointListener {
        @Override
        public void initializeState(FunctionInitializationContext context) {
            CALLS.add("initializeState restored=" + context.isRestored());
        }

        @Override
        public void open(OpenContext openContext) {
            CALLS.add("open");
        }

        @Override
        public String map(String value) {
            return value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            CALLS.add("snapshotState " + context.getCheckpointId());
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CALLS.add("complete " + checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            CALLS.add("aborted " + checkpointId);
        }
    }

    static final class TracingSource implements SourceFunction<String>, CheckpointedFunction, CheckpointListener {
        @Override
        public void run(SourceContext<String> ctx) {}

        @Override
        public void cancel() {}

        @Override
        public void initializeState(FunctionInitializationContext context) {
            CALLS.add("source initializeState");
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            CALLS.add("source snapshotState " + context.getCheckpointId());
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CALLS.add("source complete " + checkpointId);
        }
    }

    private static StateInitializationContext initContext(boolean restored) {
        return new StateInitializationContext() {
            @Override
            public Iterable<KeyGroupStatePartitionStreamProvider> getRawKeyedStateInputs() {
                return List.of();
            }

            @Override
            public boolean isRestored() {
                return restored;
            }

            @Override
            public OperatorStateStore getOperatorStateStore() {
                return null;
            }

            @Override
            public KeyedStateStore getKeyedStateStore() {
                return null;
            }
        };
    }

    private static StateSnapshotContext snapshotContext(long id) {
        return new StateSnapshotContext() {
            @Override
            public KeyedStateCheckpointOutputStream getRawKeyedOperatorStateOutput() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long getCheckpointId() {
                return id;
            }

            @Override
            public long getCheckpointTimestamp() {
                return 0;
            }
        };
    }

    @Test
    void checkpointedRichFunctionIsInitializedBeforeOpenAndGetsSnapshotsAndNotifications() throws Exception {
        CALLS.clear();
        OneInputStreamOperatorTestHarness<String, String> h = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new TracingMap()));
        h.setup();
        h.getOperator().initializeState(initContext(true));
        h.open();
        h.getOperator().snapshotState(snapshotContext(3));
        h.getOperator().notifyCheckpointComplete(3);
        h.getOperator().notifyCheckpointAborted(4);
        assertThat(CALLS).containsExactly("initializeState restored=true", "open", "snapshotState 3", "complete 3", "aborted 4");
    }

    @Test
    void legacySourceFunctionGetsTheHooksToo() throws Exception {
        CALLS.clear();
        StreamSource<String, TracingSource> source = new StreamSource<>(new TracingSource());
        source.initializeState(initContext(false));
        source.snapshotState(snapshotContext(7));
        source.notifyCheckpointComplete(7);
        source.notifyCheckpointAborted(8); // the source function's default: nothing
        assertThat(CALLS).containsExactly("source initializeState", "source snapshotState 7", "source complete 7");
    }

    @Test
    void plainFunctionsAreLeftAlone() throws Exception {
        CALLS.clear();
        StreamMap<String, String> op = new StreamMap<>(v -> v);
        op.initializeState(initContext(false));
        op.snapshotState(snapshotContext(1));
        op.notifyCheckpointComplete(1);
        assertThat(CALLS).isEmpty();
    }
}
