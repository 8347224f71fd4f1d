package dev.eddy.runtime.taskmanager.state.heap;

import java.util.function.UnaryOperator;

/**
 * Incremental TTL cleanup of one state table: a cursor that walks the table key group by key group,
 * wrapping around, and checks up to {@code cleanupSize} entries per run, dropping expired values.
 * The cursor works on a copy of one key group's (key, namespace) pairs at a time and looks each
 * up again, so the table may change between runs. Task thread only.
 *
 * @param <K> the key type
 */
final class TtlIncrementalCleanup<K> {
    private final StateTable<K, Object> table;
    private final int cleanupSize;
    private final boolean runForEveryRecord;
    /** Given a stored value, returns what remains after dropping expired parts, or null when nothing does. */
    private UnaryOperator<Object> expiryFilter;
    private int keyGroup;
    /** The current key group's pairs when the cursor entered it: key0, namespace0, key1, … */
    private Object[] pairs = new Object[0];
    private int position;

    TtlIncrementalCleanup(StateTable<K, Object> table, int cleanupSize, boolean runForEveryRecord) {
        this.table = table;
        this.cleanupSize = cleanupSize;
        this.runForEveryRecord = runForEveryRecord;
        this.keyGroup = table.getKeyGroupRange().getEndKeyGroup();
    }

    /** Set once by the state this cleanup belongs to, before the first run. */
    void setExpiryFilter(UnaryOperator<Object> expiryFilter) {
        this.expiryFilter = expiryFilter;
    }

    boolean runForEveryRecord() {
        return runForEveryRecord;
    }

    /** Checks up to {@code cleanupSize} stored entries and removes the expired ones. */
    @SuppressWarnings("unchecked")
    void runCleanup() {
        int numGroups = table.getKeyGroupRange().getNumberOfKeyGroups();
        int checked = 0;
        int groupsWithoutCheck = 0;
        while (checked < cleanupSize) {
            if (position >= pairs.length) {
                if (++groupsWithoutCheck > numGroups) {
                    return; // a whole round found nothing: the table is empty
                }
                advanceKeyGroup();
                continue;
            }
            K key = (K) pairs[position];
            Object namespace = pairs[position + 1];
            position += 2;
            Object stored = table.get(keyGroup, key, namespace);
            if (stored == null) {
                continue;
            }
            checked++;
            groupsWithoutCheck = 0;
            Object remaining = expiryFilter.apply(stored);
            if (remaining == null) {
                table.remove(keyGroup, key, namespace);
            } else if (remaining != stored) {
                table.put(keyGroup, key, namespace, remaining);
            }
        }
    }

    private void advanceKeyGroup() {
        keyGroup = keyGroup >= table.getKeyGroupRange().getEndKeyGroup()
                ? table.getKeyGroupRange().getStartKeyGroup() : keyGroup + 1;
        pairs = table.keyNamespacePairs(keyGroup);
        position = 0;
    }
}
