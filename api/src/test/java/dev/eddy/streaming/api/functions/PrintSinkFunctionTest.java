package dev.eddy.streaming.api.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.streaming.api.functions.sink.legacy.PrintSinkFunction;
import dev.eddy.streaming.api.operators.StreamSink;
import dev.eddy.streaming.util.OneInputStreamOperatorTestHarness;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated
class PrintSinkFunctionTest {

    @Test
    void prefixFollowsFlinksRules() {
        assertThat(PrintSinkFunction.prefix("", 0, 1)).isEmpty();
        assertThat(PrintSinkFunction.prefix("out", 0, 1)).isEqualTo("out> ");
        assertThat(PrintSinkFunction.prefix("", 2, 4)).isEqualTo("3> ");
        assertThat(PrintSinkFunction.prefix("out", 0, 4)).isEqualTo("out:1> ");
    }

    @Test
    void printsOneLinePerRecordToStdOutOrErr() throws Exception {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            OneInputStreamOperatorTestHarness<String, Object> h = new OneInputStreamOperatorTestHarness<>(
                    new StreamSink<>(new PrintSinkFunction<>("id", false)), 2, 1);
            h.open();
            h.processElement("hello");
            h.close();
            OneInputStreamOperatorTestHarness<String, Object> e = new OneInputStreamOperatorTestHarness<>(
                    new StreamSink<>(new PrintSinkFunction<>(true)));
            e.open();
            e.processElement("oops");
            e.close();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("id:2> hello" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("oops" + System.lineSeparator());
    }
}
