package dev.eddy.streaming.api.operators.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.configuration.Configuration;
import dev.eddy.configuration.DeploymentOptions;
import dev.eddy.streaming.api.operators.collect.CollectResultIterator.State;
import dev.eddy.streaming.util.TestTypes;
import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CollectResultIteratorTest {

    @Test
    void stateTransitionsAreTheDocumentedOnes() {
        Set<String> legal = Set.of("WAITING_FOR_SINK->READING", "WAITING_FOR_SINK->ENDED", "READING->WAITING_FOR_SINK",
                "READING->ENDED");
        for (State from : State.values()) {
            for (State to : State.values()) {
                assertThat(from.canTransitionTo(to)).as(from + "->" + to).isEqualTo(legal.contains(from + "->" + to));
            }
        }
    }

    @Test
    void localJobsUseLoopbackAndRemoteJobsTheAdvertisedAddress() throws Exception {
        try (CollectResultIterator<Integer> local = CollectResultIterator.open(TestTypes.INT.createSerializer(null), new Configuration())) {
            assertThat(local.getAdvertisedHost()).isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
            assertThat(local.getPort()).isPositive();
        }
        Configuration remote = new Configuration();
        remote.set(DeploymentOptions.TARGET, "remote");
        remote.setString(CollectResultIterator.BIND_ADDRESS_KEY, "127.0.0.1");
        remote.setString(CollectResultIterator.CLIENT_ADDRESS_KEY, "10.1.2.3");
        try (CollectResultIterator<Integer> it = CollectResultIterator.open(TestTypes.INT.createSerializer(null), remote)) {
            assertThat(it.getAdvertisedHost()).isEqualTo("10.1.2.3");
        }
        remote.removeKey(CollectResultIterator.CLIENT_ADDRESS_KEY);
        try (CollectResultIterator<Integer> it = CollectResultIterator.open(TestTypes.INT.createSerializer(null), remote)) {
            assertThat(it.getAdvertisedHost()).isEqualTo(InetAddress.getLocalHost().getHostAddress());
        }
    }

    @Test
    void closingBeforeTheJobStartsEndsTheIterator() throws Exception {
        CollectResultIterator<Integer> it = CollectResultIterator.open(TestTypes.INT.createSerializer(null), new Configuration());
        it.close();
        assertThat(it.getState()).isEqualTo(State.ENDED);
        assertThat(it.hasNext()).isFalse();
    }
}
