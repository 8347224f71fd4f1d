package dev.eddy.util;

import java.util.Iterator;

/** An iterator over resources that must be released: close it when done, also when not exhausted. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {}
