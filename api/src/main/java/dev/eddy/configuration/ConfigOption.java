package dev.eddy.configuration;

import java.util.List;
import java.util.Objects;

/** A typed configuration key with an optional default and older fallback keys. Immutable. */
public final class ConfigOption<T> {
    private final String key;
    private final Class<?> clazz;
    private final T defaultValue;
    private final List<String> fallbackKeys;
    private final String description;

    ConfigOption(String key, Class<?> clazz, T defaultValue, List<String> fallbackKeys, String description) {
        this.key = Objects.requireNonNull(key);
        this.clazz = clazz;
        this.defaultValue = defaultValue;
        this.fallbackKeys = List.copyOf(fallbackKeys);
        this.description = description;
    }

    public String key() {
        return key;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public List<String> fallbackKeys() {
        return fallbackKeys;
    }

    public String description() {
        return description;
    }

    Class<?> getClazz() {
        return clazz;
    }

    public ConfigOption<T> withFallbackKeys(String... keys) {
        return new ConfigOption<>(key, clazz, defaultValue, List.of(keys), description);
    }

    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, clazz, defaultValue, fallbackKeys, text);
    }

    @Override
    public String toString() {
        return "Key: '" + key + "' , default: " + defaultValue;
    }
}
