package dev.eddy.streaming.api.operators.collect;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.core.execution.JobClient;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.util.CloseableIterator;

/** Wires {@code DataStream#executeAndCollect}: opens the client socket, adds the collect sink, submits the job. */
public final class CollectStreams {
    /** The collect sink's name (shown as "Sink: Data stream collect sink"). */
    public static final String SINK_NAME = "Data stream collect sink";

    private CollectStreams() {}

    public static <T> CloseableIterator<T> executeAndCollect(DataStream<T> stream, String jobName) throws Exception {
        StreamExecutionEnvironment env = stream.getExecutionEnvironment();
        TypeSerializer<T> serializer = stream.getType().createSerializer(env.getSerializerConfig());
        CollectResultIterator<T> iterator = CollectResultIterator.open(serializer.duplicate(), env.getConfiguration());
        try {
            stream.addSink(new CollectSinkFunction<>(serializer, iterator.getAdvertisedHost(), iterator.getPort()))
                    .name(SINK_NAME)
                    .setParallelism(1);
            JobClient client = env.executeAsync(jobName);
            iterator.setJobClient(client);
            return iterator;
        } catch (Exception e) {
            iterator.close();
            throw e;
        }
    }
}
