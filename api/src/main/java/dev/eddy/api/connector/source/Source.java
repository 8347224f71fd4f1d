package dev.eddy.api.connector.source;

import java.io.Serializable;

/**
 * A data source of the Flink 2.x Source API. STUB: the connectors work package completes it
 * (createReader, createEnumerator, split serializers).
 */
public interface Source<T, SplitT, EnumChkT> extends Serializable {
    Boundedness getBoundedness();
}
