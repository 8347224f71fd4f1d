package dev.eddy.api.java.functions;

import dev.eddy.api.common.functions.Function;

/** Extracts the key of a record; must be deterministic and give keys with value equals/hashCode. */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
