package dev.eddy.it.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.CoreOptions;
import dev.eddy.examples.wordcount.WordCount;
import dev.eddy.it.support.Outputs;
import dev.eddy.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The WordCount example's main, run on the embedded mini-cluster, gives exact counts at any parallelism. */
class WordCountParallelismTest {
    @TempDir
    Path tmp;

    @AfterEach
    void resetContext() {
        StreamExecutionEnvironment.resetContextEnvironment();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void countsAreIdenticalAndCorrect(int parallelism) throws Exception {
        String text = Outputs.sampleText(3000);
        Path input = Files.writeString(tmp.resolve("input.txt"), text);
        Path output = tmp.resolve("out");
        Configuration context = new Configuration();
        context.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        StreamExecutionEnvironment.initializeContextEnvironment(context);

        WordCount.main(new String[] {"--input", input.toString(), "--output", output.toString()});

        Map<String, Long> counts = Outputs.finalCounts(Outputs.readAllVisible(output));
        assertThat(counts).isEqualTo(Outputs.expectedWordCounts(text));
    }
}
