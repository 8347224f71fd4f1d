package dev.eddy.runtime.state;

import java.io.IOException;
import java.io.InputStream;

/** The raw keyed state an operator wrote for one key group, on restore. */
public interface KeyGroupStatePartitionStreamProvider {
    int getKeyGroupId();

    /** The bytes written for this key group; the caller closes it. */
    InputStream getStream() throws IOException;
}
