package dev.eddy.api.connector.sink2;

import java.io.Serializable;

/** A sink of the Flink 2.x Sink API. STUB: the connectors work package completes it (createWriter). */
public interface Sink<InputT> extends Serializable {}
