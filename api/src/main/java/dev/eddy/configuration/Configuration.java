package dev.eddy.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Key/value settings with Flink's key names and value syntax ("10 s", "64 mb"). Values are kept
 * as given (typed or strings from a file) and converted when read. Not thread-safe for writes;
 * copy before handing to another thread.
 */
public class Configuration implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, Object> data = new HashMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        data.putAll(other.data);
    }

    public static Configuration fromMap(Map<String, String> map) {
        Configuration c = new Configuration();
        c.data.putAll(map);
        return c;
    }

    /** The value of an option: the key, else a fallback key, else the default. */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElseGet(option::defaultValue);
    }

    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        Object raw = data.get(option.key());
        if (raw == null) {
            for (String k : option.fallbackKeys()) {
                raw = data.get(k);
                if (raw != null) {
                    break;
                }
            }
        }
        if (raw == null) {
            return Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            T v = (T) convert(raw, option.getClazz());
            return Optional.of(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Could not parse value '" + raw + "' for key '" + option.key() + "': " + e.getMessage(), e);
        }
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        data.put(option.key(), value);
        return this;
    }

    public boolean contains(ConfigOption<?> option) {
        if (data.containsKey(option.key())) {
            return true;
        }
        return option.fallbackKeys().stream().anyMatch(data::containsKey);
    }

    public boolean containsKey(String key) {
        return data.containsKey(key);
    }

    public String getString(String key, String defaultValue) {
        Object v = data.get(key);
        return v == null ? defaultValue : toText(v);
    }

    public void setString(String key, String value) {
        data.put(key, value);
    }

    public boolean removeKey(String key) {
        return data.remove(key) != null;
    }

    public Set<String> keySet() {
        return Set.copyOf(data.keySet());
    }

    public void addAll(Configuration other) {
        data.putAll(other.data);
    }

    /** Every entry as text in Flink's syntax, sorted by key. */
    public Map<String, String> toMap() {
        Map<String, String> m = new TreeMap<>();
        data.forEach((k, v) -> m.put(k, toText(v)));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration && toMap().equals(((Configuration) o).toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    static String toText(Object v) {
        if (v instanceof Duration) {
            Duration d = (Duration) v;
            if (d.toMillis() % 1000 == 0 && !d.isZero()) {
                return (d.toMillis() / 1000) + " s";
            }
            return d.toMillis() + " ms";
        }
        if (v instanceof Map) {
            StringBuilder sb = new StringBuilder();
            ((Map<?, ?>) v).forEach((k, val) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append(':').append(val));
            return sb.toString();
        }
        return String.valueOf(v);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Object raw, Class<?> clazz) {
        if (clazz.isInstance(raw)) {
            return raw;
        }
        String s = toText(raw).trim();
        if (clazz == String.class) {
            return s;
        } else if (clazz == Integer.class) {
            return Integer.parseInt(s);
        } else if (clazz == Long.class) {
            return Long.parseLong(s);
        } else if (clazz == Double.class) {
            return Double.parseDouble(s);
        } else if (clazz == Boolean.class) {
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(s);
            }
            throw new IllegalArgumentException("expected true or false");
        } else if (clazz == Duration.class) {
            return parseDuration(s);
        } else if (clazz == MemorySize.class) {
            return MemorySize.parse(s);
        } else if (clazz.isEnum()) {
            for (Object c : clazz.getEnumConstants()) {
                if (((Enum) c).name().equalsIgnoreCase(s.replace('-', '_'))) {
                    return c;
                }
            }
            throw new IllegalArgumentException("expected one of " + java.util.Arrays.toString(clazz.getEnumConstants()));
        } else if (clazz == Map.class) {
            Map<String, String> m = new HashMap<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    int i = part.indexOf(':');
                    m.put(part.substring(0, i).trim(), part.substring(i + 1).trim());
                }
            }
            return m;
        }
        throw new IllegalArgumentException("unsupported option type " + clazz);
    }

    /** Parses Flink's duration syntax: "10 s", "100ms", "1 min", "2 h", "500" (ms). */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("Not a duration: '" + text + "' (examples: 100 ms, 10 s, 1 min)");
        }
        long n = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).trim();
        ChronoUnit u;
        switch (unit) {
            case "": case "ms": case "milli": case "millis": case "millisecond": case "milliseconds": u = ChronoUnit.MILLIS; break;
            case "ns": case "nano": case "nanos": case "nanosecond": case "nanoseconds": u = ChronoUnit.NANOS; break;
            case "us": case "µs": case "micro": case "micros": case "microsecond": case "microseconds": u = ChronoUnit.MICROS; break;
            case "s": case "sec": case "secs": case "second": case "seconds": u = ChronoUnit.SECONDS; break;
            case "m": case "min": case "mins": case "minute": case "minutes": u = ChronoUnit.MINUTES; break;
            case "h": case "hour": case "hours": u = ChronoUnit.HOURS; break;
            case "d": case "day": case "days": u = ChronoUnit.DAYS; break;
            default: throw new IllegalArgumentException("Unknown time unit '" + unit + "' in '" + text + "' (use ms, s, min, h, d)");
        }
        return Duration.of(n, u);
    }
}
