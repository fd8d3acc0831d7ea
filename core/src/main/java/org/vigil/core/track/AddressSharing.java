package org.vigil.core.track;

/**
 * The fusion rules of transponder identities: which track holds which ICAO 24-bit address, a
 * detection joining the track of its address directly, two aircraft found sharing one address,
 * and the identity (address, callsign, Mode 3/A) a track takes from its detections. Kinematics
 * are not decided here; the tracker gates and associates whatever this part leaves over.
 * Allocation-free; not thread-safe.
 */
final class AddressSharing {
    /** {@link #join} result: a second plot of an aircraft already updated in this batch. */
    static final int REDUNDANT = -2;
    /** Same Mode 3/A twice in one radar batch closer than this: one aircraft, two plots. */
    static final double REDUNDANT_METRES = 2_000;
    /** Allowance for a report stream's own jitter and motion: metres, plus metres a second. */
    private static final double STREAM_JUMP_METRES = 5_000;

    private static final double STREAM_JUMP_SPEED = 600;
    /** A jump away and back within this time means two transmitters, not a repositioned one. */
    private static final long STREAM_RETURN_NANOS = 10_000_000_000L;

    private final IcaoIndex icaoIndex = new IcaoIndex();
    private long conflicts;

    /** Slot of the track holding ICAO address {@code icao}, or -1. */
    int slotOf(int icao) {
        return icaoIndex.get(icao);
    }

    /**
     * The direct join of a detection by its ICAO address: the slot of the address's track, or
     * {@link #REDUNDANT} when that track already took a detection in this batch (stamp
     * {@code batchStamp}), or -1 when the detection must be gated (no address, no track holds it,
     * or another aircraft is using the same address). The caller stamps the track it joins.
     */
    int join(Detection d, TrackPool pool, long batchStamp) {
        if (d.icao == Detection.ABSENT) return -1;
        int slot = icaoIndex.get(d.icao);
        if (slot < 0) return -1;
        SystemTrack t = pool.get(slot);
        if (t.batchStamp == batchStamp) return t.sharedAddress ? -1 : REDUNDANT;
        return conflict(t, d) ? -1 : slot;
    }

    /** Both carry an address: different aircraft (the same address would have joined directly). */
    static boolean differentAircraft(SystemTrack t, Detection d) {
        return d.icao != Detection.ABSENT && t.icao != Detection.ABSENT;
    }

    /**
     * Whether {@code d}, carrying the address of {@code t}, belongs to another aircraft using the
     * same address (duplicate or misconfigured ICAO addresses exist, and simulators reuse them).
     * Evidence: the ADS-B/MLAT reports of the address jump away from their own stream (beyond any
     * speed) and then back to where they jumped from within {@link #STREAM_RETURN_NANOS}: two
     * interleaved streams. One jump alone is not enough, because a spoofed ADS-B position also
     * jumps once, and must reach the direct join to be flagged as disagreeing with radar. Once
     * shared, a detection of that address far from the track is gated like an anonymous one; the
     * track keeps the address and {@link #differentAircraft} keeps the other aircraft's detections
     * off it. Side effect: tracks the stream head for detections that will join directly.
     */
    boolean conflict(SystemTrack t, Detection d) {
        if (t.sharedAddress) {
            double dt = Math.abs(d.timeNanos - t.kin.timeNanos) * 1e-9;
            double miss = Math.hypot(d.x - t.xAt(d.timeNanos), d.y - t.yAt(d.timeNanos));
            if (miss > STREAM_JUMP_METRES + STREAM_JUMP_SPEED * Math.min(dt, 30)) {
                conflicts++;
                return true;
            }
            return false;
        }
        if (d.kind == SensorKind.RADAR) return false;
        boolean jumped = false;
        if (t.streamNanos != Long.MIN_VALUE) {
            double dt = Math.abs(d.timeNanos - t.streamNanos) * 1e-9;
            jumped = Math.hypot(d.x - t.streamX, d.y - t.streamY) > STREAM_JUMP_METRES + STREAM_JUMP_SPEED * dt;
        }
        if (jumped && t.jumpNanos != Long.MIN_VALUE && d.timeNanos - t.jumpNanos <= STREAM_RETURN_NANOS) {
            double dt = Math.abs(d.timeNanos - t.jumpNanos) * 1e-9;
            if (Math.hypot(d.x - t.jumpX, d.y - t.jumpY) <= STREAM_JUMP_METRES + STREAM_JUMP_SPEED * dt) {
                t.sharedAddress = true;
                conflicts++;
                return true;
            }
        }
        if (jumped) {
            t.jumpX = t.streamX;
            t.jumpY = t.streamY;
            t.jumpNanos = t.streamNanos;
        }
        t.streamX = d.x;
        t.streamY = d.y;
        t.streamNanos = d.timeNanos;
        return false;
    }

    /**
     * Whether an unpaired radar plot with a Mode 3/A code repeats a track already updated in this
     * batch with the same code nearby. Only coded plots: two primary-only plots close together may
     * well be two aircraft (a formation), and must be allowed to start a track.
     */
    boolean redundantSquawk(Detection d, TrackPool pool, long batchStamp) {
        if (d.kind != SensorKind.RADAR || d.mode3A == Detection.ABSENT) return false;
        int nc = pool.gatherNear(d.x, d.y);
        for (int c = 0; c < nc; c++) {
            SystemTrack t = pool.get(pool.near(c));
            if (t.batchStamp != batchStamp || t.mode3A != d.mode3A) continue;
            if (Math.hypot(t.kin.x() - d.x, t.kin.y() - d.y) <= REDUNDANT_METRES) return true;
        }
        return false;
    }

    /**
     * Takes the detection's identity into the track: the address if the track has none and no
     * other track holds it, the callsign and the Mode 3/A code. Returns whether anything changed.
     */
    boolean noteIdentity(SystemTrack t, Detection d) {
        boolean changed = false;
        if (d.icao != Detection.ABSENT && t.icao == Detection.ABSENT && icaoIndex.get(d.icao) < 0) {
            t.icao = d.icao;
            icaoIndex.put(d.icao, t.slot);
            changed = true;
        }
        if (d.callsign != 0 && d.callsign != t.callsign) {
            t.callsign = d.callsign;
            changed = true;
        }
        if (d.mode3A != Detection.ABSENT && d.mode3A != t.mode3A) {
            t.mode3A = d.mode3A;
            changed = true;
        }
        return changed;
    }

    /** Frees the address of a track being deleted. */
    void release(SystemTrack t) {
        if (t.icao != Detection.ABSENT) icaoIndex.remove(t.icao, t.slot);
    }

    /** Detections of an address shared by two aircraft that were kept off the address's track. */
    long conflicts() {
        return conflicts;
    }
}
