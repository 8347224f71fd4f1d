package dev.eddy.api.common.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateTtlConfigTest {

    @Test
    void defaultsAreOnCreateAndWriteNeverReturnExpiredWithBackgroundCleanup() {
        StateTtlConfig c = StateTtlConfig.newBuilder(Duration.ofSeconds(3)).build();
        assertThat(c.isEnabled()).isTrue();
        assertThat(c.getTimeToLive()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnCreateAndWrite);
        assertThat(c.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.NeverReturnExpired);
        assertThat(c.getTtlTimeCharacteristic()).isEqualTo(StateTtlConfig.TtlTimeCharacteristic.ProcessingTime);
        StateTtlConfig.CleanupStrategies s = c.getCleanupStrategies();
        assertThat(s.isCleanupInBackground()).isTrue();
        assertThat(s.inFullSnapshot()).isFalse();
        assertThat(s.getIncrementalCleanupStrategy().getCleanupSize()).isEqualTo(5);
        assertThat(s.getIncrementalCleanupStrategy().runCleanupForEveryRecord()).isFalse();
        assertThat(s.getRocksdbCompactFilterCleanupStrategy().getQueryTimeAfterNumEntries()).isEqualTo(1000L);
    }

    @Test
    void builderRecordsEverySetting() {
        StateTtlConfig c = StateTtlConfig.newBuilder(Duration.ofMillis(10))
                .updateTtlOnReadAndWrite()
                .returnExpiredIfNotCleanedUp()
                .cleanupFullSnapshot()
                .cleanupIncrementally(7, true)
                .cleanupInRocksdbCompactFilter(50)
                .disableCleanupInBackground()
                .build();
        assertThat(c.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnReadAndWrite);
        assertThat(c.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp);
        assertThat(c.getCleanupStrategies().inFullSnapshot()).isTrue();
        assertThat(c.getCleanupStrategies().isCleanupInBackground()).isFalse();
        assertThat(c.getCleanupStrategies().getIncrementalCleanupStrategy().getCleanupSize()).isEqualTo(7);
        assertThat(c.getCleanupStrategies().getIncrementalCleanupStrategy().runCleanupForEveryRecord()).isTrue();
        assertThat(c.getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy().getQueryTimeAfterNumEntries()).isEqualTo(50L);

        StateTtlConfig back = c.toBuilder().updateTtlOnCreateAndWrite().neverReturnExpired().build();
        assertThat(back.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnCreateAndWrite);
        assertThat(back.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.NeverReturnExpired);
        assertThat(back.getCleanupStrategies().getIncrementalCleanupStrategy().getCleanupSize()).isEqualTo(7);
    }

    @Test
    void withoutBackgroundCleanupOnlyExplicitStrategiesRemain() {
        StateTtlConfig c = StateTtlConfig.newBuilder(Duration.ofMillis(10)).disableCleanupInBackground().build();
        assertThat(c.getCleanupStrategies().getIncrementalCleanupStrategy()).isNull();
        assertThat(c.getCleanupStrategies().getRocksdbCompactFilterCleanupStrategy()).isNull();
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateTtlConfig.newBuilder(Duration.ofSeconds(1)).cleanupIncrementally(0, false))
                .isInstanceOf(IllegalArgumentException.class);
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
        assertThatThrownBy(() -> d.enableTimeToLive(StateTtlConfig.DISABLED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void descriptorCarriesTheConfigThroughSerialization() throws Exception {
        ValueStateDescriptor<Long> d = new ValueStateDescriptor<>("v", Long.class);
        assertThat(d.getTtlConfig()).isSameAs(StateTtlConfig.DISABLED);
        assertThat(d.getTtlConfig().isEnabled()).isFalse();
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(2)).updateTtlOnReadAndWrite().build());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(d);
        }
        StateDescriptor<?, ?> copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (StateDescriptor<?, ?>) in.readObject();
        }
        assertThat(copy.getTtlConfig().getTimeToLive()).isEqualTo(Duration.ofMinutes(2));
        assertThat(copy.getTtlConfig().getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnReadAndWrite);
    }
}
