package dev.eddy.runtime.graph;

import static dev.eddy.runtime.graph.GraphFixtures.chainConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.state.MapStateDescriptor;
import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.configuration.Configuration;
import dev.eddy.proto.JobEdgeProto;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.PartitionType;
import dev.eddy.streaming.api.datastream.SingleOutputStreamOperator;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.streaming.api.functions.ProcessFunction;
import dev.eddy.streaming.api.functions.co.CoMapFunction;
import dev.eddy.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.eddy.util.Collector;
import dev.eddy.util.OutputTag;
import org.junit.jupiter.api.Test;

/** Side outputs and two-input operators through the StreamGraph → JobGraph translation. */
class TwoInputTranslationTest {
    static final OutputTag<String> WORDS = new OutputTag<>("words", Types.STRING);

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        return env;
    }

    @Test
    void sideOutputEdgesCarryTheTagAndItsSerializerChainedAndOverTheNetwork() {
        StreamExecutionEnvironment env = env(2);
        SingleOutputStreamOperator<Long> split = env.fromSequence(1, 10).process(new Split());
        split.map(x -> x, Types.LONG).print();
        split.getSideOutput(WORDS).map(s -> s, Types.STRING).print();
        split.getSideOutput(WORDS).rebalance().map(s -> s, Types.STRING).setParallelism(3).print();
        split.getSideOutput(new OutputTag<>("nobody", Types.INT));

        JobGraphProto graph = JobGraphGenerator.createJobGraph(env.createPipeline("side"), null);

        TaskChainConfig head = chainConfig(graph.getVertices(0));
        OperatorConfig process = head.getOperators().stream().filter(o -> o.getName().equals("Process")).findFirst().orElseThrow();
        assertThat(process.getChainedOutputs()).hasSize(1);
        assertThat(process.getChainedSideOutputs()).singleElement().satisfies(side -> {
            assertThat(side.getOutputTag()).isEqualTo(WORDS);
            assertThat(side.getSerializer()).isInstanceOf(StringSerializer.class);
            assertThat(head.getOperators().get(side.getTargetIndex()).getName()).isEqualTo("Map");
        });
        assertThat(process.getNetworkOutputs()).singleElement().satisfies(net -> {
            assertThat(net.getOutputTag()).isEqualTo(WORDS);
            assertThat(net.getSerializer()).isInstanceOf(StringSerializer.class);
        });
        TaskChainConfig networkConsumer = chainConfig(graph.getVertices(1));
        assertThat(networkConsumer.getInEdges()).singleElement()
                .satisfies(in -> assertThat(in.getSerializer()).isInstanceOf(StringSerializer.class));
    }

    @Test
    void sideOutputOfASideOutputIsRejected() {
        StreamExecutionEnvironment env = env(1);
        SingleOutputStreamOperator<Long> split = env.fromSequence(1, 10).process(new Split());
        split.getSideOutput(WORDS);
        assertThatThrownBy(() -> split.getSideOutput(new OutputTag<>("words", Types.INT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already requested with type");
    }

    @Test
    void connectedStreamsBecomeOneTwoInputVertexFedByBothInputs() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 10).connect(env.fromData("a", "b")).map(new Both()).print();

        JobGraphProto graph = JobGraphGenerator.createJobGraph(env.createPipeline("connect"), null);

        JobEdgeProto[] edges = graph.getEdgesList().toArray(new JobEdgeProto[0]);
        assertThat(graph.getEdgesList()).extracting(JobEdgeProto::getTargetInputIndex).containsExactlyInAnyOrder(0, 1);
        assertThat(edges[0].getTargetVertexId()).isEqualTo(edges[1].getTargetVertexId());
    }

    @Test
    void keyedBroadcastConnectionKeysOnlyTheFirstInputAndBroadcastsTheSecond() {
        StreamExecutionEnvironment env = env(3);
        MapStateDescriptor<String, String> rules = new MapStateDescriptor<>("rules", Types.STRING, Types.STRING);
        env.fromSequence(1, 10).keyBy(x -> x % 2, Types.LONG)
                .connect(env.fromData("r").broadcast(rules))
                .process(new NoOp(), Types.STRING).print();

        JobGraphProto graph = JobGraphGenerator.createJobGraph(env.createPipeline("broadcast"), null);

        assertThat(graph.getEdgesList()).filteredOn(e -> e.getTargetInputIndex() == 1)
                .extracting(JobEdgeProto::getPartitionType).containsExactly(PartitionType.BROADCAST);
        assertThat(graph.getEdgesList()).filteredOn(e -> e.getTargetInputIndex() == 0)
                .extracting(JobEdgeProto::getPartitionType).containsExactly(PartitionType.HASH);
        OperatorConfig op = graph.getVerticesList().stream().map(GraphFixtures::chainConfig)
                .map(TaskChainConfig::getHead).filter(o -> o.getName().startsWith("Co-Process-Broadcast")).findFirst().orElseThrow();
        assertThat(op.getStateKeySelector1()).isNotNull();
        assertThat(op.getStateKeySelector2()).isNull();
    }

    static final class Split extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
            ctx.output(WORDS, "w" + value);
        }
    }

    static final class Both implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "n" + value;
        }

        @Override
        public String map2(String value) {
            return value;
        }
    }

    static final class NoOp extends KeyedBroadcastProcessFunction<Long, Long, String, String> {
        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) {}

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
    }
}
