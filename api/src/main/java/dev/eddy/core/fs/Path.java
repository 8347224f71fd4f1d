package dev.eddy.core.fs;

import java.io.File;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A file or directory name, as a URI path with an optional scheme ({@code file:///data/in} or
 * {@code /data/in}). Immutable and serializable. Only the local file system is supported for
 * reading and writing today; {@link #toLocalPath()} rejects other schemes with a clear error.
 */
public class Path implements Comparable<Path>, Serializable {
    private static final long serialVersionUID = 1L;
    public static final String SEPARATOR = "/";
    private final URI uri;

    public Path(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("A path must not be null or empty");
        }
        this.uri = parse(path);
    }

    public Path(URI uri) {
        this.uri = uri.normalize();
    }

    public Path(String parent, String child) {
        this(new Path(parent), child);
    }

    public Path(Path parent, String child) {
        this(parent, new Path(child));
    }

    public Path(Path parent, Path child) {
        URI p = parent.uri;
        String parentPath = p.getPath();
        if (!parentPath.isEmpty() && !parentPath.endsWith(SEPARATOR)) {
            parentPath = parentPath + SEPARATOR;
        }
        String childPath = child.uri.getPath();
        if (childPath.startsWith(SEPARATOR)) {
            childPath = childPath.substring(1);
        }
        this.uri = build(p.getScheme(), p.getAuthority(), parentPath + childPath);
    }

    /** The path of a local file. */
    public static Path fromLocalFile(File file) {
        return new Path(file.getAbsoluteFile().toURI());
    }

    private static URI parse(String path) {
        String p = path.replace('\\', '/');
        int colon = p.indexOf(':');
        int slash = p.indexOf('/');
        String scheme = null;
        String authority = null;
        if (colon > 0 && (slash == -1 || colon < slash) && !isWindowsDrive(p)) {
            scheme = p.substring(0, colon);
            p = p.substring(colon + 1);
            if (p.startsWith("//")) {
                int next = p.indexOf('/', 2);
                authority = next == -1 ? p.substring(2) : p.substring(2, next);
                p = next == -1 ? "" : p.substring(next);
            }
        }
        while (p.length() > 1 && p.endsWith(SEPARATOR)) {
            p = p.substring(0, p.length() - 1);
        }
        return build(scheme, authority, p);
    }

    private static boolean isWindowsDrive(String p) {
        return p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0));
    }

    private static URI build(String scheme, String authority, String path) {
        try {
            return new URI(scheme, authority == null || authority.isEmpty() ? null : authority, path, null, null).normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid path: '" + path + "': " + e.getMessage(), e);
        }
    }

    public URI toUri() {
        return uri;
    }

    /** The last name of the path ("" for the root). */
    public String getName() {
        String p = uri.getPath();
        int slash = p.lastIndexOf('/');
        return p.substring(slash + 1);
    }

    /** The parent path, or null for the root or a single relative name without a parent. */
    public Path getParent() {
        String p = uri.getPath();
        int slash = p.lastIndexOf('/');
        if (p.isEmpty() || p.equals(SEPARATOR) || slash == -1) {
            return null;
        }
        String parent = slash == 0 ? SEPARATOR : p.substring(0, slash);
        return new Path(build(uri.getScheme(), uri.getAuthority(), parent));
    }

    /** The path component of the URI (without scheme and authority). */
    public String getPath() {
        return uri.getPath();
    }

    public boolean isAbsolute() {
        return uri.getPath().startsWith(SEPARATOR);
    }

    /**
     * The local file this path names.
     *
     * @throws UnsupportedOperationException for a scheme other than {@code file}
     */
    public java.nio.file.Path toLocalPath() {
        String scheme = uri.getScheme();
        if (scheme != null && !scheme.equalsIgnoreCase("file")) {
            throw new UnsupportedOperationException("Path '" + this + "' uses the file system scheme '" + scheme
                    + "', but Eddy supports only the local file system so far; use a plain path or a file:// URI");
        }
        return java.nio.file.Paths.get(uri.getPath().isEmpty() ? "." : uri.getPath());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (uri.getScheme() != null) {
            s.append(uri.getScheme()).append(':');
            if (uri.getAuthority() != null || uri.getPath().startsWith(SEPARATOR)) {
                s.append("//");
            }
        }
        if (uri.getAuthority() != null) {
            s.append(uri.getAuthority());
        }
        s.append(uri.getPath());
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path && uri.equals(((Path) o).uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public int compareTo(Path o) {
        return uri.compareTo(o.uri);
    }
}
