package dev.eddy.runtime.jobmanager.checkpoint;

import com.google.protobuf.ByteString;
import dev.eddy.proto.CheckpointMetadataProto;
import dev.eddy.proto.IncrementalStateHandleProto;
import dev.eddy.proto.KeyGroupsStateHandleProto;
import dev.eddy.proto.KeyedStateHandleProto;
import dev.eddy.proto.OperatorStatePartProto;
import dev.eddy.proto.OperatorStateProto;
import dev.eddy.proto.OperatorSubtaskStateProto;
import dev.eddy.runtime.state.KeyGroupRange;
import dev.eddy.runtime.state.KeyGroupRangeAssignment;
import java.util.Arrays;
import java.util.List;

/** State handles and metadata for tests. */
final class StateHandles {
    private StateHandles() {}

    /** A canonical keyed handle covering exactly the range of subtask {@code index} of {@code p}. */
    static KeyGroupsStateHandleProto keyGroups(String path, int maxParallelism, int p, int index) {
        KeyGroupRange r = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, p, index);
        KeyGroupsStateHandleProto.Builder b = KeyGroupsStateHandleProto.newBuilder().setPath(path).setStartKeyGroup(r.getStartKeyGroup());
        for (int g = 0; g < r.getNumberOfKeyGroups(); g++) {
            b.addOffsets(g * 10L);
        }
        return b.setSize(r.getNumberOfKeyGroups() * 10L).build();
    }

    static KeyedStateHandleProto keyed(KeyGroupsStateHandleProto h) {
        return KeyedStateHandleProto.newBuilder().setKeyGroups(h).build();
    }

    static KeyedStateHandleProto incremental(int start, int end, String... sharedFiles) {
        return KeyedStateHandleProto.newBuilder().setIncremental(IncrementalStateHandleProto.newBuilder().setStartKeyGroup(start)
                .setEndKeyGroup(end).addAllSharedFiles(Arrays.asList(sharedFiles))).build();
    }

    static OperatorStatePartProto part(String name, OperatorStatePartProto.Mode mode, String... elements) {
        OperatorStatePartProto.Builder b = OperatorStatePartProto.newBuilder().setName(name).setMode(mode);
        for (String e : elements) {
            b.addElements(ByteString.copyFromUtf8(e));
        }
        return b.build();
    }

    static List<String> elements(OperatorStatePartProto part) {
        return part.getElementsList().stream().map(ByteString::toStringUtf8).toList();
    }

    static OperatorStateProto operator(String uid, int maxParallelism, OperatorSubtaskStateProto... subtasks) {
        return OperatorStateProto.newBuilder().setOperatorUid(uid).setParallelism(subtasks.length).setMaxParallelism(maxParallelism)
                .addAllSubtasks(Arrays.asList(subtasks)).build();
    }

    static CheckpointMetadataProto metadata(long id, OperatorStateProto... operators) {
        return CheckpointMetadataProto.newBuilder().setFormatVersion(MetadataIO.FORMAT_VERSION).setJobId("job").setCheckpointId(id)
                .addAllOperators(Arrays.asList(operators)).build();
    }
}
