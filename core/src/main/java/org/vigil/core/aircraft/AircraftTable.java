package org.vigil.core.aircraft;

import java.util.function.Consumer;

/**
 * All aircraft currently heard, keyed by 24-bit address. An open-addressed primitive hash map
 * (linear probing, backward-shift deletion, so no tombstones) from address to a pooled
 * {@link AircraftState}. Steady-state updates allocate nothing: states of expired aircraft go
 * back to a pool and are reused; the slot arrays only grow (doubling, load factor at most 1/2)
 * when more aircraft are heard at once than ever before, and never beyond
 * {@link TrackingRules#maxAircraft()}.
 *
 * <p>Invariants: {@code keys[i] == FREE} iff {@code states[i] == null}; every live key sits in
 * the probe run that starts at its hash slot; {@code size <= capacity / 2}; the pool and the
 * live states are disjoint. Not thread-safe: the owner serialises all calls (the server
 * pipeline holds one lock around updates and snapshots).
 */
public final class AircraftTable {
    /** Flag bit added to a DF18 non-ICAO address so it cannot collide with a real ICAO address. */
    public static final int NON_ICAO = 1 << 24;

    private static final int FREE = -1;

    private final TrackingRules rules;
    private int[] keys;
    private AircraftState[] states;
    private int mask;
    private int size;

    private AircraftState[] pool;
    private int pooled;
    private int statesCreated;
    /** Scratch list of addresses to drop, sized with the slot arrays so expire() does not allocate. */
    private int[] expiring;

    // counters (monotonic since construction)
    private long aircraftAdded, aircraftExpired, refusedTableFull;
    private long positionsAccepted, positionsRelocated, positionsRejected, positionsLate, positionsInvalid;

    public AircraftTable() {
        this(TrackingRules.defaults());
    }

    public AircraftTable(TrackingRules rules) {
        this.rules = rules;
        int cap =
                Integer.highestOneBit(Math.max(4, rules.initialCapacity()) * 2 - 1) * 2; // >= 2 × initial, power of two
        allocate(cap);
        pool = new AircraftState[16];
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        java.util.Arrays.fill(keys, FREE);
        states = new AircraftState[capacity];
        expiring = new int[capacity];
        mask = capacity - 1;
    }

    private static int slotHash(int key) {
        int h = key * 0x9E3779B9; // Fibonacci hashing spreads the dense ICAO blocks of one country
        return h ^ (h >>> 16);
    }

    public TrackingRules rules() {
        return rules;
    }

    public int size() {
        return size;
    }
    /** Number of slots; stable once the table has seen its peak traffic. */
    public int capacity() {
        return keys.length;
    }
    /** State objects ever created (live + pooled); stops growing in steady state. */
    public int statesCreated() {
        return statesCreated;
    }

    /** The aircraft with this address, or null. */
    public AircraftState find(int address) {
        if (address < 0) return null;
        int i = slotHash(address) & mask;
        while (true) {
            int k = keys[i];
            if (k == address) return states[i];
            if (k == FREE) return null;
            i = (i + 1) & mask;
        }
    }

    /**
     * The aircraft with this address, added (from the pool) when new. Returns null, and counts
     * it, when the table already holds {@link TrackingRules#maxAircraft()} aircraft or the
     * address is not a 24-bit address (optionally with {@link #NON_ICAO}).
     */
    public AircraftState findOrAdd(int address) {
        if (address < 0 || address > (NON_ICAO | 0xFFFFFF)) return null;
        int i = slotHash(address) & mask;
        while (true) {
            int k = keys[i];
            if (k == address) return states[i];
            if (k == FREE) break;
            i = (i + 1) & mask;
        }
        if (size >= rules.maxAircraft()) {
            refusedTableFull++;
            return null;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            i = slotHash(address) & mask;
            while (keys[i] != FREE) i = (i + 1) & mask;
        }
        AircraftState s;
        if (pooled > 0) {
            s = pool[--pooled];
            pool[pooled] = null;
        } else {
            s = newState();
        }
        s.clear(address);
        keys[i] = address;
        states[i] = s;
        size++;
        aircraftAdded++;
        return s;
    }

    private AircraftState newState() {
        statesCreated++;
        return new AircraftState(rules);
    }

    private void grow() {
        int[] oldKeys = keys;
        AircraftState[] oldStates = states;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == FREE) continue;
            int i = slotHash(oldKeys[j]) & mask;
            while (keys[i] != FREE) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            states[i] = oldStates[j];
        }
    }

    /** Removes the aircraft; its state returns to the pool. @return false when not present */
    public boolean remove(int address) {
        if (address < 0) return false;
        int i = slotHash(address) & mask;
        while (true) {
            int k = keys[i];
            if (k == address) break;
            if (k == FREE) return false;
            i = (i + 1) & mask;
        }
        release(states[i]);
        // Backward-shift deletion: pull later members of the probe run into the hole, so that
        // lookups never need tombstones.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int k = keys[j];
            if (k == FREE) break;
            int home = slotHash(k) & mask;
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (stays) continue;
            keys[hole] = k;
            states[hole] = states[j];
            hole = j;
        }
        keys[hole] = FREE;
        states[hole] = null;
        size--;
        return true;
    }

    private void release(AircraftState s) {
        if (pooled == pool.length) pool = java.util.Arrays.copyOf(pool, pool.length * 2); // only at a new peak
        pool[pooled++] = s;
    }

    /**
     * Offers a decoded position to the plausibility gate and counts the outcome.
     * @param altitudeFt altitude carried with the position (for the trail), {@link AircraftState#ABSENT} if none
     */
    public PositionOutcome offerPosition(
            AircraftState s, double lat, double lon, int altitudeFt, boolean surface, long timeNanos) {
        PositionOutcome o = s.offerPosition(lat, lon, altitudeFt, surface, timeNanos);
        switch (o) {
            case ACCEPTED:
                positionsAccepted++;
                break;
            case RELOCATED:
                positionsRelocated++;
                break;
            case REJECTED_IMPLAUSIBLE:
                positionsRejected++;
                break;
            case IGNORED_LATE:
                positionsLate++;
                break;
            default:
                positionsInvalid++;
                break;
        }
        return o;
    }

    /**
     * Drops every aircraft not heard for {@link TrackingRules#dropAfterNanos()} before
     * {@code nowNanos} (message time, e.g. the newest message time the feed has seen).
     * @return number of aircraft dropped
     */
    public int expire(long nowNanos) {
        long limit = rules.dropAfterNanos();
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            AircraftState s = states[i];
            if (s == null) continue;
            long last = s.lastSeenNanos();
            // an aircraft added but never heard has nothing to show: drop it (and avoid now - MIN_VALUE overflow)
            if (last == AircraftState.NEVER || nowNanos - last > limit) expiring[n++] = keys[i];
        }
        // removal shifts entries, so collect first and remove after the scan
        for (int j = 0; j < n; j++) remove(expiring[j]);
        aircraftExpired += n;
        return n;
    }

    /** Visits every aircraft (slot order). The consumer must not add or remove aircraft. */
    public void forEach(Consumer<AircraftState> visitor) {
        for (int i = 0; i < states.length; i++) {
            AircraftState s = states[i];
            if (s != null) visitor.accept(s);
        }
    }

    /** Index-based iteration without a lambda: {@code for (i < capacity()) if (stateAt(i) != null)}. */
    public AircraftState stateAt(int slot) {
        return states[slot];
    }

    public long aircraftAdded() {
        return aircraftAdded;
    }

    public long aircraftExpired() {
        return aircraftExpired;
    }
    /** New addresses refused because the table held {@link TrackingRules#maxAircraft()} aircraft. */
    public long refusedTableFull() {
        return refusedTableFull;
    }

    public long positionsAccepted() {
        return positionsAccepted;
    }

    public long positionsRelocated() {
        return positionsRelocated;
    }

    public long positionsRejected() {
        return positionsRejected;
    }

    public long positionsLate() {
        return positionsLate;
    }

    public long positionsInvalid() {
        return positionsInvalid;
    }
}
