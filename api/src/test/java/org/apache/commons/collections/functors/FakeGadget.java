package org.apache.commons.collections.functors;

import java.io.Serializable;

/** Stands in for a class of a library with known gadget chains: harmless, but its package is refused. */
public final class FakeGadget implements Serializable {
    private static final long serialVersionUID = 1L;
    public static volatile boolean deserialized;

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        deserialized = true;
    }
}
