package dev.eddy.runtime.jobmanager.checkpoint;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns configured checkpoint and savepoint locations into paths. Accepts plain paths and
 * {@code file:} URIs ({@code file:///data/chk}, as Flink users write them); a directory every
 * host mounts at the same path serves a multi-host cluster. Other schemes are refused clearly.
 */
final class StoragePaths {
    private StoragePaths() {}

    /** The absolute, normalized path of {@code location}. */
    static Path toPath(String location) {
        String s = location.trim();
        int colon = s.indexOf(':');
        if (colon > 1 && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("file")) {
                throw new IllegalArgumentException("Unsupported file system scheme '" + scheme + "' in '" + location
                        + "': Eddy stores checkpoints and savepoints on a local or shared mounted file system; use a path or a file: URI");
            }
            URI uri = URI.create(s.startsWith("file://") || s.startsWith("file:/") ? s : "file:" + s.substring(colon + 1));
            return Path.of(uri.getPath()).toAbsolutePath().normalize();
        }
        return Path.of(s).toAbsolutePath().normalize();
    }
}
