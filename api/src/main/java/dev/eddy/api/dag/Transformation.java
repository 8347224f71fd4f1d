package dev.eddy.api.dag;

import dev.eddy.api.common.functions.InvalidTypesException;
import dev.eddy.api.common.typeinfo.TypeInformation;
import dev.eddy.streaming.api.operators.ChainingStrategy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One node of the logical plan that the DataStream API builds. Not thread-safe: built by the
 * user's main thread, then read by the translator.
 */
public abstract class Transformation<T> {
    /** Parallelism not set: the job default applies. */
    public static final int DEFAULT_PARALLELISM = -1;
    private static final AtomicInteger ID_COUNTER = new AtomicInteger();

    private final int id;
    private String name;
    private String uid;
    private TypeInformation<T> outputType;
    /** Set when the output type could not be extracted; thrown when the type is first needed. */
    private InvalidTypesException missingTypeReason;
    private int parallelism;
    private boolean parallelismConfigured;
    private int maxParallelism = DEFAULT_PARALLELISM;
    private String slotSharingGroup;
    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
    private long bufferTimeout = -1;

    protected Transformation(String name, TypeInformation<T> outputType, int parallelism) {
        this.id = ID_COUNTER.incrementAndGet();
        this.name = name;
        this.outputType = outputType;
        this.parallelism = parallelism;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    /** @throws InvalidTypesException if the type could not be determined and returns(...) was not called */
    public TypeInformation<T> getOutputType() {
        if (outputType == null) {
            if (missingTypeReason != null) {
                throw missingTypeReason;
            }
            throw new InvalidTypesException("The output type of '" + name + "' is unknown; call returns(...) on it");
        }
        return outputType;
    }

    public boolean hasOutputType() {
        return outputType != null;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
        this.missingTypeReason = null;
    }

    public void setMissingOutputType(InvalidTypesException reason) {
        this.outputType = null;
        this.missingTypeReason = reason;
    }

    /** The parallelism, or {@link #DEFAULT_PARALLELISM}. */
    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != DEFAULT_PARALLELISM) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        this.parallelismConfigured = true;
    }

    public boolean isParallelismConfigured() {
        return parallelismConfigured;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    /** The slot sharing group, or null to inherit from the inputs ("default" for sources). */
    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public void setChainingStrategy(ChainingStrategy chainingStrategy) {
        this.chainingStrategy = chainingStrategy;
    }

    /** Buffer timeout in ms for this operator's output, or -1 for the job default. */
    public long getBufferTimeout() {
        return bufferTimeout;
    }

    public void setBufferTimeout(long bufferTimeout) {
        this.bufferTimeout = bufferTimeout;
    }

    /** Direct inputs, in input order. */
    public abstract List<Transformation<?>> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "', parallelism=" + parallelism + "}";
    }
}
