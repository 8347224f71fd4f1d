package dev.eddy.api.common.functions;

import java.io.Serializable;

/** Marker for all user functions. Functions travel to the TaskManagers by Java serialization. */
public interface Function extends Serializable {}
