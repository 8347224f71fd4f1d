package dev.eddy.api.connector.source;

import java.io.Serializable;

/**
 * A custom message between a {@link SplitEnumerator} and its {@link SourceReader}s, for example a
 * reader reporting progress or an enumerator pausing readers. Travels Java-serialized over the
 * control plane and is read in the job's class loader, so it must be small, serializable and
 * immutable. The receiving side admits only the job's own classes and JDK value types
 * (java.lang, java.util, java.time, java.math) inside an event, nested at most 32 deep; anything
 * else fails the event's delivery (see {@code dev.eddy.util.RestrictedObjectInput}).
 */
public interface SourceEvent extends Serializable {}
