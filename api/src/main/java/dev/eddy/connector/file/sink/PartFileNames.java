package dev.eddy.connector.file.sink;

import dev.eddy.streaming.api.functions.sink.filesystem.OutputFileConfig;
import java.util.UUID;

/**
 * Names part files of one sink subtask: committed {@code <prefix>-<uuid>-<subtask>-<counter><suffix>},
 * in progress {@code .<committed name>.inprogress.<random uuid>}. Task thread only.
 */
final class PartFileNames {
    private final OutputFileConfig config;
    private final String writerId;
    private final int subtask;
    private long counter;

    PartFileNames(OutputFileConfig config, String writerId, int subtask) {
        this.config = config;
        this.writerId = writerId;
        this.subtask = subtask;
    }

    /** The committed name of the next part file (advances the counter). */
    String nextPartFileName() {
        return config.getPartPrefix() + "-" + writerId + "-" + subtask + "-" + (counter++) + config.getPartSuffix();
    }

    static String inProgressName(String committedName) {
        return "." + committedName + ".inprogress." + UUID.randomUUID();
    }
}
