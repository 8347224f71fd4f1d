package dev.eddy.configuration;

import java.io.Serializable;
import java.util.Locale;

/** A number of bytes, parsed from Flink's syntax: "64 mb", "1g", "512kb", "100" (bytes). Immutable. */
public final class MemorySize implements Serializable, Comparable<MemorySize> {
    private static final long serialVersionUID = 1L;
    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("Memory size must be >= 0, was " + bytes);
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(mebiBytes << 20);
    }

    public long getBytes() {
        return bytes;
    }

    public long getKibiBytes() {
        return bytes >> 10;
    }

    public int getMebiBytes() {
        return (int) (bytes >> 20);
    }

    /** @throws IllegalArgumentException naming the text when it is not a memory size */
    public static MemorySize parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("Not a memory size: '" + text + "' (examples: 64 mb, 1 gb, 512kb)");
        }
        long n = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).trim();
        long mult;
        switch (unit) {
            case "": case "b": case "bytes": mult = 1; break;
            case "k": case "kb": case "kibibytes": mult = 1L << 10; break;
            case "m": case "mb": case "mebibytes": mult = 1L << 20; break;
            case "g": case "gb": case "gibibytes": mult = 1L << 30; break;
            case "t": case "tb": case "tebibytes": mult = 1L << 40; break;
            default: throw new IllegalArgumentException("Unknown memory unit '" + unit + "' in '" + text + "' (use b, kb, mb, gb, tb)");
        }
        return new MemorySize(Math.multiplyExact(n, mult));
    }

    @Override
    public int compareTo(MemorySize o) {
        return Long.compare(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize && ((MemorySize) o).bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " gb";
        } else if (bytes != 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " mb";
        } else if (bytes != 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " kb";
        }
        return bytes + " bytes";
    }
}
