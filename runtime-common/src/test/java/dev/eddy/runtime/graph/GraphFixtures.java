package dev.eddy.runtime.graph;

import dev.eddy.api.common.serialization.SerializerConfig;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.api.dag.OneInputTransformation;
import dev.eddy.api.dag.PartitionTransformation;
import dev.eddy.api.dag.Pipeline;
import dev.eddy.api.dag.SourceTransformation;
import dev.eddy.api.dag.Transformation;
import dev.eddy.api.dag.TwoInputTransformation;
import dev.eddy.configuration.Configuration;
import dev.eddy.core.memory.DataInputView;
import dev.eddy.core.memory.DataOutputView;
import dev.eddy.proto.JobGraphProto;
import dev.eddy.proto.JobVertexProto;
import dev.eddy.runtime.util.InstantiationUtil;
import dev.eddy.streaming.api.operators.OneInputStreamOperator;
import dev.eddy.streaming.api.operators.SourceOperator;
import dev.eddy.streaming.api.operators.StreamOperatorParameters;
import dev.eddy.streaming.api.operators.TwoInputStreamOperator;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import dev.eddy.streaming.runtime.partitioner.PartitionKind;
import dev.eddy.streaming.runtime.partitioner.StreamPartitioner;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Hand-written transformations, operators, types and partitioners for translator tests. */
final class GraphFixtures {
    private GraphFixtures() {}

    static final TestType<String> STRING = new TestType<>(String.class, Mode.OK);
    static final TestType<Long> LONG = new TestType<>(Long.class, Mode.OK);

    enum Mode { OK, UNSUPPORTED, NEEDS_JAVA_FALLBACK }

    /** Type information whose serializer creation can be made to fail. */
    static final class TestType<T> extends TypeInformation<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> clazz;
        private final Mode mode;

        TestType(Class<T> clazz, Mode mode) {
            this.clazz = clazz;
            this.mode = mode;
        }

        @Override public boolean isBasicType() { return true; }
        @Override public boolean isTupleType() { return false; }
        @Override public int getArity() { return 1; }
        @Override public int getTotalFields() { return 1; }
        @Override public Class<T> getTypeClass() { return clazz; }
        @Override public boolean isKeyType() { return true; }

        @Override
        public TypeSerializer<T> createSerializer(SerializerConfig config) {
            if (mode == Mode.UNSUPPORTED || (mode == Mode.NEEDS_JAVA_FALLBACK && !config.isJavaSerializationFallback())) {
                throw new UnsupportedOperationException("Type " + clazz.getName() + " has no serializer");
            }
            return new TestSerializer<>(clazz);
        }

        @Override public String toString() { return "TestType<" + clazz.getSimpleName() + ">"; }
        @Override public boolean equals(Object o) { return o instanceof TestType<?> t && t.clazz == clazz && t.mode == mode; }
        @Override public int hashCode() { return Objects.hash(clazz, mode); }
    }

    /** Records the class it was made for; serialization itself is not exercised here. */
    static final class TestSerializer<T> extends TypeSerializer<T> {
        private static final long serialVersionUID = 1L;
        final Class<T> clazz;

        TestSerializer(Class<T> clazz) {
            this.clazz = clazz;
        }

        @Override public boolean isImmutableType() { return true; }
        @Override public TypeSerializer<T> duplicate() { return this; }
        @Override public T createInstance() { return null; }
        @Override public T copy(T from) { return from; }
        @Override public int getLength() { return -1; }
        @Override public void serialize(T record, DataOutputView target) throws IOException { throw new IOException("not used"); }
        @Override public T deserialize(DataInputView source) throws IOException { throw new IOException("not used"); }
        @Override public boolean equals(Object o) { return o instanceof TestSerializer<?> s && s.clazz == clazz; }
        @Override public int hashCode() { return clazz.hashCode(); }
    }

    static final class TestPartitioner<T> extends StreamPartitioner<T> {
        private static final long serialVersionUID = 1L;
        private final PartitionKind kind;

        TestPartitioner(PartitionKind kind) {
            this.kind = kind;
        }

        @Override public int selectChannel(StreamRecord<T> record) { return 0; }
        @Override public PartitionKind kind() { return kind; }
    }

    static class TestSource implements SourceOperator<String> {
        private static final long serialVersionUID = 1L;
        @Override public void run(SourceContextControl control) {}
        @Override public void cancel() {}
        @Override public void setup(StreamOperatorParameters<String> parameters) {}
        @Override public void open() {}
        @Override public void finish() {}
        @Override public void close() {}
    }

    static class TestMap<IN, OUT> implements OneInputStreamOperator<IN, OUT> {
        private static final long serialVersionUID = 1L;
        @Override public void processElement(StreamRecord<IN> element) {}
        @Override public void processWatermark(Watermark mark) {}
        @Override public void setup(StreamOperatorParameters<OUT> parameters) {}
        @Override public void open() {}
        @Override public void finish() {}
        @Override public void close() {}
    }

    static class TestCoMap implements TwoInputStreamOperator<String, String, String> {
        private static final long serialVersionUID = 1L;
        @Override public void processElement1(StreamRecord<String> element) {}
        @Override public void processElement2(StreamRecord<String> element) {}
        @Override public void processWatermark1(Watermark mark) {}
        @Override public void processWatermark2(Watermark mark) {}
        @Override public void setup(StreamOperatorParameters<String> parameters) {}
        @Override public void open() {}
        @Override public void finish() {}
        @Override public void close() {}
    }

    /** A key selector that is a named class, so it survives Java serialization in tests. */
    static final class FirstCharKey implements dev.eddy.api.java.functions.KeySelector<String, Long> {
        private static final long serialVersionUID = 1L;
        @Override public Long getKey(String value) { return (long) value.charAt(0); }
    }

    static SourceTransformation<String> source(String name, int parallelism) {
        return new SourceTransformation<>("Source: " + name, new TestSource(), STRING, parallelism, true);
    }

    static OneInputTransformation<String, String> map(Transformation<String> input, String name, int parallelism) {
        return new OneInputTransformation<>(input, name, new TestMap<>(), STRING, parallelism);
    }

    static <T> OneInputTransformation<T, T> sink(Transformation<T> input, String name, int parallelism) {
        @SuppressWarnings("unchecked")
        TypeInformation<T> type = (TypeInformation<T>) STRING;
        return new OneInputTransformation<>(input, "Sink: " + name, new TestMap<>(), type, parallelism);
    }

    static OneInputTransformation<String, String> keyedMap(Transformation<String> input, String name, int parallelism) {
        OneInputTransformation<String, String> t = map(
                new PartitionTransformation<>(input, new KeyGroupStreamPartitioner<>(new FirstCharKey(), -1)), name, parallelism);
        t.setStateKeySelector(new FirstCharKey(), LONG);
        return t;
    }

    static <T> PartitionTransformation<T> partition(Transformation<T> input, PartitionKind kind) {
        return new PartitionTransformation<>(input, new TestPartitioner<>(kind));
    }

    static TwoInputTransformation<String, String, String> coMap(Transformation<String> a, Transformation<String> b, String name, int p) {
        return new TwoInputTransformation<>(a, b, name, new TestCoMap(), STRING, p);
    }

    static Pipeline pipeline(Configuration conf, Transformation<?>... roots) {
        return new Pipeline("test job", Arrays.asList(roots), conf);
    }

    static JobGraphProto build(Transformation<?>... roots) {
        return JobGraphGenerator.createJobGraph(pipeline(new Configuration(), roots), null);
    }

    static TaskChainConfig chainConfig(JobVertexProto vertex) {
        try {
            return InstantiationUtil.deserializeObject(vertex.getOperatorConfig().toByteArray(), GraphFixtures.class.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("operator config of " + vertex.getName() + " does not deserialize", e);
        }
    }

    static List<String> vertexNames(JobGraphProto graph) {
        return graph.getVerticesList().stream().map(JobVertexProto::getName).toList();
    }

    static JobVertexProto vertexById(JobGraphProto graph, String id) {
        return graph.getVerticesList().stream().filter(v -> v.getId().equals(id)).findFirst().orElseThrow();
    }
}
