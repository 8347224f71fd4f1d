package dev.eddy.api.common.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can travel inside the job graph (lambdas too). */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
