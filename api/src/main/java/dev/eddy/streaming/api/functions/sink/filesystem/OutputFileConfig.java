package dev.eddy.streaming.api.functions.sink.filesystem;

import java.io.Serializable;

/** Prefix and suffix of part file names: {@code <prefix>-<uuid>-<subtask>-<counter><suffix>}. Immutable. */
public class OutputFileConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String partPrefix;
    private final String partSuffix;

    public OutputFileConfig(String partPrefix, String partSuffix) {
        if (partPrefix == null || partSuffix == null) {
            throw new IllegalArgumentException("OutputFileConfig: prefix and suffix must not be null");
        }
        if (partPrefix.contains("/") || partSuffix.contains("/")) {
            throw new IllegalArgumentException("OutputFileConfig: prefix '" + partPrefix + "' and suffix '" + partSuffix
                    + "' must not contain '/'");
        }
        this.partPrefix = partPrefix;
        this.partSuffix = partSuffix;
    }

    public String getPartPrefix() {
        return partPrefix;
    }

    public String getPartSuffix() {
        return partSuffix;
    }

    public static OutputFileConfigBuilder builder() {
        return new OutputFileConfigBuilder();
    }

    /** Builds an {@link OutputFileConfig}; defaults: prefix "part", suffix "". */
    public static class OutputFileConfigBuilder {
        private String partPrefix = "part";
        private String partSuffix = "";

        public OutputFileConfigBuilder withPartPrefix(String prefix) {
            this.partPrefix = prefix;
            return this;
        }

        public OutputFileConfigBuilder withPartSuffix(String suffix) {
            this.partSuffix = suffix;
            return this;
        }

        public OutputFileConfig build() {
            return new OutputFileConfig(partPrefix, partSuffix);
        }
    }
}
