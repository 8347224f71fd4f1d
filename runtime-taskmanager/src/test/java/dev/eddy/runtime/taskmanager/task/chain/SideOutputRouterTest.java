package dev.eddy.runtime.taskmanager.task.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.typeinfo.Types;
import dev.eddy.streaming.api.operators.Output;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.runtime.watermarkstatus.WatermarkStatus;
import dev.eddy.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideOutputRouterTest {
    static final OutputTag<String> LATE = new OutputTag<>("late", Types.STRING);
    static final OutputTag<String> ERRORS = new OutputTag<>("errors", Types.STRING);
    static final OutputTag<String> UNREAD = new OutputTag<>("unread", Types.STRING);

    /** Records what reaches it, as strings. */
    static final class Recording<T> implements Output<StreamRecord<T>> {
        final List<String> events = new ArrayList<>();

        @Override
        public void collect(StreamRecord<T> record) {
            events.add("record " + record.getValue() + "@" + record.getTimestamp());
        }

        @Override
        public void emitWatermark(Watermark mark) {
            events.add("watermark " + mark.getTimestamp());
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            events.add("status " + status);
        }

        @Override
        public void close() {}
    }

    @Test
    void routesByTagDropsUnreadTagsAndSendsTimeEverywhere() {
        Recording<Long> main = new Recording<>();
        Recording<Object> late = new Recording<>();
        Recording<Object> errors = new Recording<>();
        SideOutputRouter<Long> router = new SideOutputRouter<>(main, Map.of("late", late, "errors", errors));

        router.collect(new StreamRecord<>(1L, 10));
        router.collect(LATE, new StreamRecord<>("x", 3));
        router.collect(ERRORS, new StreamRecord<>("boom", 11));
        router.collect(UNREAD, new StreamRecord<>("nobody", 12));
        router.emitWatermark(new Watermark(20));
        router.emitWatermarkStatus(WatermarkStatus.IDLE);

        assertThat(main.events).containsExactly("record 1@10", "watermark 20", "status " + WatermarkStatus.IDLE);
        assertThat(late.events).containsExactly("record x@3", "watermark 20", "status " + WatermarkStatus.IDLE);
        assertThat(errors.events).containsExactly("record boom@11", "watermark 20", "status " + WatermarkStatus.IDLE);
    }
}
