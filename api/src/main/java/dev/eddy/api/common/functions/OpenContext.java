package dev.eddy.api.common.functions;

/** Handed to {@link RichFunction#open}; carries nothing yet, reserved for future additions (as in Flink 2.x). */
public interface OpenContext {}
