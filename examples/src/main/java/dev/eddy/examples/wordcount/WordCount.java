package dev.eddy.examples.wordcount;

import dev.eddy.api.common.eventtime.WatermarkStrategy;
import dev.eddy.api.common.functions.FlatMapFunction;
import dev.eddy.api.common.serialization.SimpleStringEncoder;
import dev.eddy.api.java.tuple.Tuple2;
import dev.eddy.connector.file.sink.FileSink;
import dev.eddy.connector.file.src.FileSource;
import dev.eddy.connector.file.src.reader.TextLineInputFormat;
import dev.eddy.core.fs.Path;
import dev.eddy.examples.util.Args;
import dev.eddy.streaming.api.datastream.DataStream;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import dev.eddy.util.Collector;
import java.util.List;

/**
 * Counts words, streaming: every incoming word emits its updated count as {@code (word,count)}.
 *
 * <p>Usage: {@code WordCount [--input <file or dir>]... [--output <dir>]}. Without {@code --input}
 * it reads built-in text; without {@code --output} it prints to the TaskManagers' standard out.
 * Written against the Flink 2.x API: only the imports differ from the Flink version.
 */
public final class WordCount {
    private WordCount() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.of(argv);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        List<String> inputs = args.getAll("input");
        DataStream<String> text;
        if (inputs.isEmpty()) {
            text = env.fromData(BuiltInText.LINES).name("built-in text");
        } else {
            Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
            FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths).build();
            text = env.fromSource(source, WatermarkStrategy.noWatermarks(), "file-input");
        }

        DataStream<Tuple2<String, Integer>> counts = text
                .flatMap(new Tokenizer())
                .name("tokenizer")
                .keyBy(value -> value.f0)
                .sum(1)
                .name("counter");

        String output = args.get("output", null);
        if (output != null) {
            counts.sinkTo(FileSink.<Tuple2<String, Integer>>forRowFormat(new Path(output), new SimpleStringEncoder<>())
                    .build()).name("file-sink");
        } else {
            counts.print().name("print-sink");
        }
        env.execute("WordCount");
    }

    /** Splits lines into lower-case words and emits {@code (word, 1)} for each. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }
}
