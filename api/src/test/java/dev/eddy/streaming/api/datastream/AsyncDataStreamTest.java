package dev.eddy.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.async.AsyncFunction;
import dev.eddy.streaming.api.functions.async.ResultFuture;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import dev.eddy.streaming.api.operators.async.AsyncWaitOperator;
import dev.eddy.streaming.util.TestTypes;
import dev.eddy.streaming.util.retryable.AsyncRetryStrategies;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncDataStreamTest {
    private final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    static final class Describe implements AsyncFunction<Integer, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void asyncInvoke(Integer input, ResultFuture<String> resultFuture) {
            resultFuture.complete(List.of("n" + input));
        }
    }

    private static AsyncWaitOperator<?, ?> operatorOf(DataStream<?> stream) {
        return (AsyncWaitOperator<?, ?>) ((OneInputTransformation<?, ?>) stream.getTransformation()).getOperator();
    }

    @Test
    void orderedWaitTakesTheOutputTypeFromTheFunctionAndDefaultsTheCapacity() {
        SingleOutputStreamOperator<String> out = AsyncDataStream.orderedWait(env.fromData(List.of(1, 2), TestTypes.INT), new Describe(),
                3, TimeUnit.SECONDS);
        assertThat(out.getType()).isEqualTo(Types.STRING);
        AsyncWaitOperator<?, ?> op = operatorOf(out);
        assertThat(op.getOutputMode()).isEqualTo(AsyncDataStream.OutputMode.ORDERED);
        assertThat(op.getCapacity()).isEqualTo(AsyncDataStream.DEFAULT_QUEUE_CAPACITY).isEqualTo(100);
        assertThat(op.getTimeoutMillis()).isEqualTo(3000);
        assertThat(out.getTransformation().getChainingStrategy()).isEqualTo(ChainingStrategy.ALWAYS);
        assertThat(out.getTransformation().getName()).isEqualTo("async wait operator");
    }

    @Test
    @SuppressWarnings("unchecked")
    void unorderedWaitWithRetryKeepsCapacityAndMode() {
        SingleOutputStreamOperator<String> out = AsyncDataStream.unorderedWaitWithRetry(env.fromData(List.of(1, 2), TestTypes.INT),
                new Describe(), 500, TimeUnit.MILLISECONDS, 7, AsyncRetryStrategies.NO_RETRY_STRATEGY);
        AsyncWaitOperator<?, ?> op = operatorOf(out);
        assertThat(op.getOutputMode()).isEqualTo(AsyncDataStream.OutputMode.UNORDERED);
        assertThat(op.getCapacity()).isEqualTo(7);
        assertThat(op.getTimeoutMillis()).isEqualTo(500);
    }

    @Test
    void aLambdaWithReturnsWorks() {
        AsyncFunction<Integer, String> lambda = (input, future) -> future.complete(List.of(String.valueOf(input)));
        SingleOutputStreamOperator<String> out = AsyncDataStream.unorderedWait(env.fromData(List.of(1), TestTypes.INT), lambda, 1,
                TimeUnit.SECONDS, 5).returns(Types.STRING);
        assertThat(out.getType()).isEqualTo(Types.STRING);
    }
}
