package dev.eddy.runtime.taskmanager.task.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.typeutils.TypeSerializer;
import dev.eddy.runtime.taskmanager.network.InMemoryInputGate;
import dev.eddy.runtime.taskmanager.network.InputStatus;
import dev.eddy.runtime.taskmanager.task.chain.ElementSink;
import dev.eddy.runtime.taskmanager.testutil.LongSerializer;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.InputWatermarkProgress;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The input processor merges the gates of a union input and publishes per-channel progress. */
class InputWatermarkValveTest {
    private final List<String> seen = new ArrayList<>();
    private final List<InMemoryInputGate> gates = new ArrayList<>();
    private List<InputWatermarkProgress> published = List.of();

    @AfterEach
    void close() {
        gates.forEach(InMemoryInputGate::close);
    }

    private InMemoryInputGate gate(int channels) {
        InMemoryInputGate g = new InMemoryInputGate(channels, 16, new LongSerializer());
        gates.add(g);
        return g;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private StreamInputProcessor unionOf(InMemoryInputGate... gs) {
        List<InputReader<Object>> readers = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        for (InMemoryInputGate g : gs) {
            readers.add(NetworkIOFactory.NETWORK.createReader(g, (TypeSerializer) new LongSerializer()));
            inputs.add(0);
        }
        ElementSink<Object> sink = new ElementSink<>() {
            @Override
            public void processElement(StreamRecord<Object> record) {
                seen.add("R" + record.getValue());
            }

            @Override
            public void processWatermark(Watermark mark) {
                seen.add("W" + (mark.getTimestamp() == Long.MAX_VALUE ? "max" : mark.getTimestamp()));
            }

            @Override
            public void processWatermarkStatus(WatermarkStatus status) {
                seen.add(status.isIdle() ? "IDLE" : "ACTIVE");
            }
        };
        StreamInputProcessor p = new StreamInputProcessor(readers, inputs, List.of(sink));
        p.publishWatermarkProgress(progress -> published = progress,
                List.of(List.of("up-1", "up-2"), List.of("other-1")));
        return p;
    }

    private InputStatus drain(StreamInputProcessor p) throws Exception {
        InputStatus s;
        do {
            s = p.processInput();
        } while (s == InputStatus.MORE_AVAILABLE);
        return s;
    }

    @Test
    void aUnionInputIsIdleOnlyWhenAllItsGatesAreAndPublishesWhoHoldsItBack() throws Exception {
        InMemoryInputGate a = gate(2);
        InMemoryInputGate b = gate(1);
        StreamInputProcessor p = unionOf(a, b);
        assertThat(published).hasSize(1);

        a.watermark(0, 50).watermark(1, 20);
        b.watermark(0, 40);
        drain(p);
        assertThat(seen).containsExactly("W20");
        InputWatermarkProgress progress = published.get(0);
        assertThat(progress.watermark()).isEqualTo(20);
        assertThat(progress.channels()).extracting(InputWatermarkProgress.ChannelProgress::channel)
                .containsExactly("up-1", "up-2", "other-1");
        assertThat(progress.laggingChannel()).get().extracting(InputWatermarkProgress.ChannelProgress::channel).isEqualTo("up-2");

        a.status(1, WatermarkStatus.IDLE); // gate a's watermark becomes 50; gate b (40) now holds the input
        drain(p);
        assertThat(seen).containsExactly("W20", "W40");
        assertThat(published.get(0).laggingChannel()).get().extracting(InputWatermarkProgress.ChannelProgress::channel)
                .isEqualTo("other-1");

        b.status(0, WatermarkStatus.IDLE);
        a.status(0, WatermarkStatus.IDLE);
        drain(p);
        assertThat(seen).containsExactly("W20", "W40", "W50", "IDLE");
        assertThat(published.get(0).idle()).isTrue();

        b.status(0, WatermarkStatus.ACTIVE).watermark(0, Long.MAX_VALUE).end(0);
        a.status(0, WatermarkStatus.ACTIVE).watermark(0, Long.MAX_VALUE).end(0).end(1);
        assertThat(drain(p)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(seen).containsExactly("W20", "W40", "W50", "IDLE", "ACTIVE", "Wmax");
        assertThat(published.get(0).watermark()).isEqualTo(Long.MAX_VALUE);
    }
}
