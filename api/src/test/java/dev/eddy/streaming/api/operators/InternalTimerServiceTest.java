package dev.eddy.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.api.common.typeutils.base.LongSerializer;
import dev.eddy.api.common.typeutils.base.StringSerializer;
import dev.eddy.api.java.functions.KeySelector;
import dev.eddy.streaming.api.watermark.Watermark;
import dev.eddy.streaming.runtime.streamrecord.StreamRecord;
import dev.eddy.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class InternalTimerServiceTest {
    private static final KeySelector<String, String> FIRST_CHAR = v -> v.substring(0, 1);

    /**
     * Input "k:service:namespace:domain:time" registers (or with a negative time deletes) a timer on
     * service "a" (String namespaces) or "b" (Long namespaces); firings print what fired.
     */
    static final class TwoServices extends AbstractStreamOperator<String> implements OneInputStreamOperator<String, String> {
        private static final long serialVersionUID = 1L;
        private transient InternalTimerService<String> a;
        private transient InternalTimerService<Long> b;

        @Override
        public void open() throws Exception {
            super.open();
            a = getInternalTimerService("a", StringSerializer.INSTANCE, new Printer<>("a"));
            b = getInternalTimerService("b", LongSerializer.INSTANCE, new Printer<>("b"));
        }

        @Override
        public void processElement(StreamRecord<String> element) {
            String[] p = element.getValue().split(":");
            long t = Long.parseLong(p[4]);
            boolean event = p[3].equals("e");
            if (p[1].equals("a")) {
                apply(a, p[2], t, event);
            } else {
                apply(b, Long.parseLong(p[2]), t, event);
            }
        }

        private static <N> void apply(InternalTimerService<N> s, N ns, long t, boolean event) {
            if (event && t >= 0) {
                s.registerEventTimeTimer(ns, t);
            } else if (event) {
                s.deleteEventTimeTimer(ns, -t);
            } else if (t >= 0) {
                s.registerProcessingTimeTimer(ns, t);
            } else {
                s.deleteProcessingTimeTimer(ns, -t);
            }
        }

        private final class Printer<N> implements Triggerable<String, N> {
            private final String name;

            Printer(String name) {
                this.name = name;
            }

            @Override
            public void onEventTime(InternalTimer<String, N> timer) {
                assertThat(getCurrentKey()).isEqualTo(timer.getKey());
                output.collect(new StreamRecord<>(name + " " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp()
                        + " wm=" + (name.equals("a") ? a : b).currentWatermark()));
            }

            @Override
            public void onProcessingTime(InternalTimer<String, N> timer) {
                assertThat(getCurrentKey()).isEqualTo(timer.getKey());
                output.collect(new StreamRecord<>(name + " " + timer.getKey() + "/" + timer.getNamespace() + "@" + timer.getTimestamp()
                        + " pt=" + (name.equals("a") ? a : b).currentProcessingTime()));
            }
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> open() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new TwoServices(), FIRST_CHAR);
        h.open();
        return h;
    }

    @Test
    void eventTimersFireByServiceThenTimestampBeforeTheWatermark() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h = open();
        h.processElement("x:b:1:e:5");
        h.processElement("x:a:w1:e:7");
        h.processElement("y:a:w1:e:3");
        h.processElement("x:a:w2:e:3");
        h.processElement("x:a:w2:e:3"); // duplicate
        h.processElement("y:b:2:e:20");
        h.processElement("y:b:3:e:20");
        h.processElement("y:b:3:e:-20"); // deleted
        h.processWatermark(10);
        assertThat(h.getOutput()).containsExactly(
                new StreamRecord<>("a y/w1@3 wm=10"),
                new StreamRecord<>("a x/w2@3 wm=10"),
                new StreamRecord<>("a x/w1@7 wm=10"),
                new StreamRecord<>("b x/1@5 wm=10"),
                new Watermark(10));
        h.processWatermark(30);
        assertThat(h.extractOutputValues()).endsWith("b y/2@20 wm=30");
        assertThat(((TwoServices) h.getOperator()).b.numEventTimeTimers()).isZero();
    }

    @Test
    void processingTimersFireAsMailWhenTheClockPassesThem() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h = open();
        h.processElement("x:a:n:p:100");
        h.processElement("y:a:n:p:50");
        h.processElement("y:b:1:p:70");
        h.processElement("x:a:m:p:60");
        h.processElement("x:a:m:p:-60");
        h.setProcessingTime(80);
        assertThat(h.extractOutputValues()).containsExactly("a y/n@50 pt=80", "b y/1@70 pt=80");
        assertThat(((TwoServices) h.getOperator()).a.numProcessingTimeTimers()).isEqualTo(1);
        h.setProcessingTime(100);
        assertThat(h.extractOutputValues()).endsWith("a x/n@100 pt=100");
        assertThat(h.getProcessingTimeService().getNumActiveTimers()).isZero();
    }

    @Test
    void aServiceNameIsBoundToItsNamespaceSerializer() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h = open();
        TwoServices op = (TwoServices) h.getOperator();
        assertThatThrownBy(() -> op.getInternalTimerService("a", LongSerializer.INSTANCE, new TwoServices().new Printer<Long>("a")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Timer service 'a' already exists");
    }
}
