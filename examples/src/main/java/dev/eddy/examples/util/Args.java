package dev.eddy.examples.util;

import java.util.ArrayList;
import java.util.List;

/** Minimal "--key value" argument parsing for the examples. Immutable after parsing. */
public final class Args {
    private final String[] args;

    private Args(String[] args) {
        this.args = args.clone();
    }

    public static Args of(String[] args) {
        return new Args(args);
    }

    /** All values given for {@code --name} (the option may repeat). */
    public List<String> getAll(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--" + name)) {
                values.add(args[i + 1]);
            }
        }
        return values;
    }

    public String get(String name, String defaultValue) {
        List<String> all = getAll(name);
        return all.isEmpty() ? defaultValue : all.get(all.size() - 1);
    }

    public long getLong(String name, long defaultValue) {
        String v = get(name, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a number, got '" + v + "'");
        }
    }
}
