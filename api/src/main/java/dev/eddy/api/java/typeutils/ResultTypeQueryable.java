package dev.eddy.api.java.typeutils;

/** Implemented by functions, sources and input formats that know the type they produce. */
public interface ResultTypeQueryable<T> {
    dev.eddy.api.common.typeinfo.TypeInformation<T> getProducedType();
}
