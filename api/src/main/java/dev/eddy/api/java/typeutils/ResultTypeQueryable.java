package dev.eddy.api.java.typeutils;

import dev.eddy.api.common.typeinfo.TypeInformation;

/**
 * Implemented by functions and sources that know their output type; the type extractor asks them
 * instead of reflecting over generics. Called on the client thread while the job is built.
 */
public interface ResultTypeQueryable<T> {
    TypeInformation<T> getProducedType();
}
