package dev.eddy.connector.file.sink;

import dev.eddy.api.connector.sink2.CommitRequest;
import dev.eddy.api.connector.sink2.Committer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits pending part files of a {@link FileSink} by an atomic rename to their visible name.
 * Idempotent: a pending file that is gone while its final file exists was committed before.
 * Runs on the sink operator's committer thread.
 */
final class FileCommitter implements Committer<FileSinkCommittable> {
    private static final Logger LOG = LoggerFactory.getLogger(FileCommitter.class);

    @Override
    public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) {
        for (CommitRequest<FileSinkCommittable> request : requests) {
            FileSinkCommittable c = request.getCommittable();
            Path pending = Paths.get(c.getPendingFile());
            Path target = Paths.get(c.getFinalFile());
            try {
                Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.debug("Committed part file {}", target);
            } catch (NoSuchFileException e) {
                if (Files.exists(target)) {
                    request.signalAlreadyCommitted();
                } else {
                    request.signalFailedWithKnownReason(new IOException("File sink part file '" + pending
                            + "' is gone and was never committed as '" + target + "': its data is lost"
                            + " (was the output directory cleaned while the job ran?)", e));
                }
            } catch (IOException e) {
                request.signalFailedWithUnknownReason(new IOException("File sink could not commit part file '" + pending
                        + "' as '" + target + "': " + e.getMessage(), e));
            }
        }
    }

    @Override
    public void close() {}
}
