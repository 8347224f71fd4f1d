package dev.eddy.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds {@link ConfigOption}s: {@code ConfigOptions.key("a.b").intType().defaultValue(1)}. */
public final class ConfigOptions {
    private ConfigOptions() {}

    public static OptionBuilder key(String key) {
        return new OptionBuilder(key);
    }

    /** Picks the value type. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        public TypedConfigOptionBuilder<Boolean> booleanType() {
            return new TypedConfigOptionBuilder<>(key, Boolean.class);
        }

        public TypedConfigOptionBuilder<Integer> intType() {
            return new TypedConfigOptionBuilder<>(key, Integer.class);
        }

        public TypedConfigOptionBuilder<Long> longType() {
            return new TypedConfigOptionBuilder<>(key, Long.class);
        }

        public TypedConfigOptionBuilder<Double> doubleType() {
            return new TypedConfigOptionBuilder<>(key, Double.class);
        }

        public TypedConfigOptionBuilder<String> stringType() {
            return new TypedConfigOptionBuilder<>(key, String.class);
        }

        public TypedConfigOptionBuilder<Duration> durationType() {
            return new TypedConfigOptionBuilder<>(key, Duration.class);
        }

        public TypedConfigOptionBuilder<MemorySize> memoryType() {
            return new TypedConfigOptionBuilder<>(key, MemorySize.class);
        }

        public <E extends Enum<E>> TypedConfigOptionBuilder<E> enumType(Class<E> enumClass) {
            return new TypedConfigOptionBuilder<>(key, enumClass);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypedConfigOptionBuilder<Map<String, String>> mapType() {
            return new TypedConfigOptionBuilder(key, Map.class);
        }
    }

    /** Sets the default. */
    public static final class TypedConfigOptionBuilder<T> {
        private final String key;
        private final Class<?> clazz;

        TypedConfigOptionBuilder(String key, Class<?> clazz) {
            this.key = key;
            this.clazz = clazz;
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, clazz, value, List.of(), "");
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, clazz, null, List.of(), "");
        }
    }
}
