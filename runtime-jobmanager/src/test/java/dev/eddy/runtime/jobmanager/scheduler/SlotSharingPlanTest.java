package dev.eddy.runtime.jobmanager.scheduler;

import static dev.eddy.runtime.jobmanager.testing.Jobs.vertex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.proto.JobVertexProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotSharingPlanTest {
    @Test
    void verticesOfOneGroupShareSlots() {
        JobVertexProto a = vertex("a", 2);
        JobVertexProto b = vertex("b", 2);
        SlotSharingPlan plan = SlotSharingPlan.of(List.of(a, b));
        assertThat(plan.totalSlots()).isEqualTo(2);
        assertThat(plan.slotIndexOf(a, 1)).isEqualTo(plan.slotIndexOf(b, 1)).isEqualTo(1);
    }

    @Test
    void aGroupNeedsItsLargestParallelism() {
        SlotSharingPlan plan = SlotSharingPlan.of(List.of(vertex("a", 1), vertex("b", 4), vertex("c", 2)));
        assertThat(plan.totalSlots()).isEqualTo(4);
    }

    @Test
    void groupsAddUp() {
        JobVertexProto a = vertex("a", 2, "g1");
        JobVertexProto b = vertex("b", 3, "g2");
        JobVertexProto c = vertex("c", 1, "g1");
        SlotSharingPlan plan = SlotSharingPlan.of(List.of(a, b, c));
        assertThat(plan.totalSlots()).isEqualTo(5);
        assertThat(plan.slotsOfGroup("g1")).isEqualTo(2);
        assertThat(plan.slotsOfGroup("g2")).isEqualTo(3);
        assertThat(plan.slotIndexOf(a, 1)).isEqualTo(1);
        assertThat(plan.slotIndexOf(b, 0)).isEqualTo(2);
        assertThat(plan.slotIndexOf(c, 0)).isEqualTo(0);
    }

    @Test
    void emptyGroupNameMeansDefault() {
        JobVertexProto unnamed = JobVertexProto.newBuilder().setId("x").setParallelism(3).build();
        SlotSharingPlan plan = SlotSharingPlan.of(List.of(unnamed, vertex("y", 2)));
        assertThat(plan.totalSlots()).isEqualTo(3);
    }
}
