package org.vigil.server.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Damage found in the stored data (a corrupt event store moved aside, corrupt regions of the raw
 * journal skipped), as short sentences for {@code /api/health} and the console. The air picture
 * keeps running; this is how the operators and whoever monitors the server learn of it.
 * Thread-safe; bounded (the first 100 reports are kept, later ones only counted).
 */
public final class StorageDamage {

    private static final int MAX_KEPT = 100;

    private final List<String> reports = new ArrayList<>();
    private long count;

    /** Records one finding, e.g. "event store events.db was corrupt: moved to quarantine/...". */
    public synchronized void report(String what) {
        count++;
        if (reports.size() < MAX_KEPT) {
            reports.add(what);
        }
    }

    /** What was found so far, oldest first (at most 100). */
    public synchronized List<String> reports() {
        return List.copyOf(reports);
    }

    /** Findings so far, including those beyond the kept ones. */
    public synchronized long count() {
        return count;
    }
}
