package bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.api.common.state.ListState;
import dev.eddy.api.java.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs each JMH benchmark's setup, body and teardown directly (no JMH), checking that the body does
 * what the benchmark claims to measure; and once through JMH itself, in-process, so a broken
 * annotation processor or benchmark list shows in the build. The benchmarks themselves never run
 * here.
 */
class BenchmarkStatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"long", "string", "tuple2", "pojo"})
    void serializerRoundTripGivesTheValueBack(String type) throws Exception {
        SerializerBenchmark b = new SerializerBenchmark();
        b.type = type;
        b.setUp();
        assertThat(b.serialize()).isEqualTo(b.bytes.length).isPositive();
        assertThat(describe(b.deserialize())).isEqualTo(describe(b.value));
        assertThat(describe(b.roundTrip())).isEqualTo(describe(b.value));
        assertThat(b.roundTrip()).isNotSameAs(b.value);
        if (type.equals("tuple2")) {
            assertThat(b.value).isInstanceOf(Tuple2.class);
        }
        if (type.equals("pojo")) {
            assertThat(b.serializer.getClass().getSimpleName()).isEqualTo("PojoSerializer");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"long", "string", "tuple2", "pojo"})
    void streamRecordRoundTripGivesTheValueBack(String type) throws Exception {
        StreamRecordBenchmark b = new StreamRecordBenchmark();
        b.type = type;
        b.setUp();
        SerializerBenchmark plain = new SerializerBenchmark();
        plain.type = type;
        plain.setUp();
        assertThat(b.serializeRecord()).isEqualTo(4 + 1 + 8 + plain.bytes.length); // length, tag, timestamp, value
        assertThat(describe(b.roundTrip())).isEqualTo(describe(b.record.getValue()));
    }

    /** The Nexmark Event has no equals; its toString shows every field that matters for a bid. */
    private static String describe(Object value) {
        return value.getClass().getName() + ":" + value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "netty"})
    void networkDeliversEveryRecordIntact(String transport) throws Exception {
        NetworkBenchmark b = new NetworkBenchmark();
        b.transport = transport;
        b.setUp();
        try {
            b.records();
            b.records();
            long n = 2L * NetworkBenchmark.BATCH;
            assertThat(b.received()).isEqualTo(n);
            assertThat(b.receivedSum()).isEqualTo(n * (n - 1) / 2);
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heap", "rocksdb"})
    void keyedStateBodiesReadAndWriteTheCurrentKeysState(String backend) throws Exception {
        KeyedStateBenchmark b = new KeyedStateBenchmark();
        b.backend = backend;
        b.keys = 1000;
        b.setUp();
        try {
            List<Long> touched = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Long next = b.valueGetUpdate();
                Long key = b.stateBackend.getCurrentKey();
                assertThat(key).isBetween(0L, 999L);
                assertThat(b.value.value()).isEqualTo(next);
                assertThat(next).isGreaterThan(key); // filled with the key, then incremented
                Long added = b.listAdd();
                assertThat(b.stateBackend.getCurrentKey()).isEqualTo(added);
                assertThat(b.list.get()).contains(added);
                touched.add(added);
                Long put = b.mapPut();
                assertThat(b.map.values()).contains(put);
                Long got = b.mapGet();
                if (got != null) {
                    assertThat(got).isEqualTo(b.stateBackend.getCurrentKey()); // every map value is its key
                }
            }
            b.clearLists();
            for (Long key : touched) {
                b.stateBackend.setCurrentKey(key);
                assertThat(isEmpty(b.list)).as("list of key %s after clearLists", key).isTrue();
            }
        } finally {
            b.tearDown();
        }
    }

    private static boolean isEmpty(ListState<Long> list) throws Exception {
        Iterable<Long> values = list.get();
        return values == null || !values.iterator().hasNext();
    }

    @Test
    void mailboxBodiesRunEveryMail() throws Exception {
        MailboxBenchmark b = new MailboxBenchmark();
        b.setUp();
        try {
            assertThat(b.crossThreadPutTake()).isEqualTo(MailboxBenchmark.BATCH);
            assertThat(b.crossThreadExecute()).isEqualTo(2L * MailboxBenchmark.BATCH);
            assertThat(b.sameThreadExecuteYield()).isEqualTo(2L * MailboxBenchmark.BATCH + 1);
            assertThat(b.idleCheck()).isNull();
            assertThat(b.mailbox.hasMail()).isFalse();
        } finally {
            b.tearDown();
        }
    }

    @Test
    void jmhFindsAndRunsABenchmark() throws Exception {
        var options = new OptionsBuilder()
                .include(MailboxBenchmark.class.getName() + ".idleCheck")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .build();
        var results = new ArrayList<RunResult>(new Runner(options).run());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getPrimaryResult().getScore()).isPositive();
    }
}
