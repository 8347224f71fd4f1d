package dev.eddy.runtime.state;

/**
 * Maps keys to key groups and key groups to subtasks, with Flink's arithmetic so that keyed
 * partitioning matches Flink's: key group = murmur(key.hashCode()) mod maxParallelism; operator
 * index = keyGroup * parallelism / maxParallelism; subtask i owns
 * [ceil(i*max/p), ceil((i+1)*max/p) - 1].
 */
public final class KeyGroupRangeAssignment {
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {}

    public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    public static int assignToKeyGroup(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("A key must not be null (the key selector returned null)");
        }
        return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
    }

    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        return Math.floorMod(murmurFinalize(keyHash), maxParallelism);
    }

    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroupId) {
        return keyGroupId * parallelism / maxParallelism;
    }

    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism, int operatorIndex) {
        int start = ((operatorIndex * maxParallelism + parallelism - 1) / parallelism);
        int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
        return KeyGroupRange.of(start, end);
    }

    /** Flink's default: max(128, roundUpToPowerOfTwo(1.5 * parallelism)), capped at 32768. */
    public static int computeDefaultMaxParallelism(int operatorParallelism) {
        int candidate = operatorParallelism + (operatorParallelism / 2);
        int pow2 = candidate <= 1 ? 1 : Integer.highestOneBit(candidate - 1) << 1;
        return Math.min(Math.max(pow2, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }

    /** Murmur3 32-bit mixing of one int, then made non-negative (Flink's MathUtils.murmurHash). */
    static int murmurFinalize(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        if (code >= 0) {
            return code;
        } else if (code != Integer.MIN_VALUE) {
            return -code;
        } else {
            return 0;
        }
    }
}
