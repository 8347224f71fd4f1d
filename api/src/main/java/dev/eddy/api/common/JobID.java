package dev.eddy.api.common;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A job's id: 16 random bytes, shown as 32 lowercase hex characters. Immutable. */
public final class JobID implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String hex;

    private JobID(String hex) {
        this.hex = hex;
    }

    public static JobID generate() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new JobID(HexFormat.of().formatHex(b));
    }

    /** Parses 32 hex characters. @throws IllegalArgumentException with the offending text */
    public static JobID fromHexString(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("Not a job id (expected 32 hex characters): '" + hex + "'");
        }
        return new JobID(hex.toLowerCase());
    }

    public String toHexString() {
        return hex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID && ((JobID) o).hex.equals(hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public String toString() {
        return hex;
    }
}
