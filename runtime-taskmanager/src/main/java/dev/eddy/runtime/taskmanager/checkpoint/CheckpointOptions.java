package dev.eddy.runtime.taskmanager.checkpoint;

import dev.eddy.proto.CheckpointOptionsProto;
import java.nio.file.Path;

/**
 * How a checkpoint is taken, as the JobManager decided it and the barrier carries it.
 *
 * @param savepoint canonical, backend-independent format written entirely into {@code targetDirectory}
 * @param exactlyOnce tasks with several input channels align barriers (false: at-least-once)
 * @param targetDirectory where this checkpoint's exclusive files go
 * @param sharedDirectory where incremental RocksDB checkpoints put shared SST files (null for savepoints)
 * @param synchronousStop stop-with-savepoint: the job ends after this savepoint
 */
public record CheckpointOptions(boolean savepoint, boolean exactlyOnce, Path targetDirectory, Path sharedDirectory,
        boolean synchronousStop) {

    public static CheckpointOptions fromProto(CheckpointOptionsProto p) {
        return new CheckpointOptions(p.getSavepoint(), p.getExactlyOnce(), Path.of(p.getTargetDirectory()),
                p.getSharedDirectory().isEmpty() ? null : Path.of(p.getSharedDirectory()), p.getSynchronousStop());
    }

    public CheckpointOptionsProto toProto() {
        return CheckpointOptionsProto.newBuilder().setSavepoint(savepoint).setExactlyOnce(exactlyOnce)
                .setTargetDirectory(targetDirectory.toString())
                .setSharedDirectory(sharedDirectory == null ? "" : sharedDirectory.toString())
                .setSynchronousStop(synchronousStop).build();
    }
}
