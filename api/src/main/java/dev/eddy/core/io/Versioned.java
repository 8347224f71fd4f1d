package dev.eddy.core.io;

/** Something that carries a format version. */
public interface Versioned {
    int getVersion();
}
