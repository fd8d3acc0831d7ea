package org.vigil.codec.modes;

/**
 * Turns the raw CPR fields of successive position messages into latitude/longitude, keeping a
 * little state per aircraft address in an open-addressed primitive hash table (no boxing, no
 * allocation per message; the table only grows, by doubling, when it gets half full).
 *
 * <p>Decoding order for each position message of a CRC-checked DF17/18:
 * <ol>
 *   <li><b>Global</b>: when the opposite-format frame of the same kind (airborne or surface) is
 *       held and the two are at most {@link #AIRBORNE_PAIR_NANOS} (10 s) or
 *       {@link #SURFACE_PAIR_NANOS} (25 s) apart. Pairs that straddle a latitude-zone boundary
 *       (NL mismatch) are rejected. Surface pairs need a reference for the quadrant: the last
 *       position, else the receiver.</li>
 *   <li><b>Local</b> against the aircraft's last position when it is at most
 *       {@link #LOCAL_VALID_NANOS} (10 min) old.</li>
 *   <li><b>Local</b> against the receiver reference, when one is set, for the first frame. This is
 *       correct only for aircraft within half a zone of the receiver (about 180 NM airborne,
 *       45 NM surface): such positions are marked provisional and a later global result
 *       replaces them without the jump check.</li>
 * </ol>
 * Every result, global or local, must be reachable from the last non-provisional position at
 * {@link #MAX_AIRBORNE_SPEED_KT} (or {@link #MAX_SURFACE_SPEED_KT}) plus {@link #JUMP_MARGIN_NM};
 * otherwise it is rejected and counted, and the aircraft's position is forgotten so that the
 * next good pair starts afresh. Times come from the messages ({@code timeNanos}); messages
 * with time 0 pair regardless of age.
 */
public final class CprResolver {
    public static final long SECOND = 1_000_000_000L;
    public static final long AIRBORNE_PAIR_NANOS = 10 * SECOND;
    public static final long SURFACE_PAIR_NANOS = 25 * SECOND;
    public static final long LOCAL_VALID_NANOS = 600 * SECOND;
    public static final double MAX_AIRBORNE_SPEED_KT = 1500;
    public static final double MAX_SURFACE_SPEED_KT = 250;
    public static final double JUMP_MARGIN_NM = 5;
    /** Receiver-relative local decoding is trusted only within this range (half a zone). */
    public static final double MAX_RECEIVER_RANGE_AIRBORNE_NM = 180;

    public static final double MAX_RECEIVER_RANGE_SURFACE_NM = 45;

    private static final int EVEN_VALID = 1,
            ODD_VALID = 2,
            EVEN_SURFACE = 4,
            ODD_SURFACE = 8,
            HAS_POSITION = 16,
            PROVISIONAL = 32;

    private int capacity;
    private int size;
    private int[] keys; // address + 1; 0 = empty slot
    private byte[] flags;
    private long[] evenTime, oddTime, posTime;
    private int[] evenLat, evenLon, oddLat, oddLon;
    private double[] posLat, posLon;
    private double receiverLat = Double.NaN, receiverLon = Double.NaN;
    private final double[] result = new double[2];

    private long globalDecodes, localDecodes, receiverLocalDecodes;
    private long nlMismatch, jumpRejected, noReference, outOfReceiverRange;

    public CprResolver() {
        this(1024);
    }

    public CprResolver(int initialCapacity) {
        int cap = 16;
        while (cap < initialCapacity && cap < (1 << 24)) cap <<= 1;
        allocate(cap);
    }

    /** Receiver position for local decoding of first frames and the surface quadrant; NaN to clear. */
    public CprResolver setReceiver(double lat, double lon) {
        this.receiverLat = lat;
        this.receiverLon = lon;
        return this;
    }

    /**
     * Resolves the position of {@code m} (a decoded, CRC-checked DF17/18 position message) and
     * sets {@code m.lat}/{@code m.lon}. Messages without CPR fields, with an error, or with an
     * address recovered from parity are ignored.
     *
     * @return true when {@code m} now carries a position
     */
    public boolean resolve(ModeSMessage m) {
        if (m.cprLat == ModeSMessage.ABSENT
                || m.cprLon == ModeSMessage.ABSENT
                || m.cprFormat == ModeSMessage.ABSENT
                || m.icao == ModeSMessage.ABSENT
                || m.icaoFromParity
                || !m.crcOk
                || m.error != null) {
            return false;
        }
        long t = m.timeNanos;
        boolean odd = m.cprFormat == 1;
        boolean surface = m.surface;
        int s = slot(m.icao, t);
        int f = flags[s];
        // remember this frame
        if (odd) {
            oddLat[s] = m.cprLat;
            oddLon[s] = m.cprLon;
            oddTime[s] = t;
            f = (f | ODD_VALID) & ~ODD_SURFACE;
            if (surface) f |= ODD_SURFACE;
        } else {
            evenLat[s] = m.cprLat;
            evenLon[s] = m.cprLon;
            evenTime[s] = t;
            f = (f | EVEN_VALID) & ~EVEN_SURFACE;
            if (surface) f |= EVEN_SURFACE;
        }
        flags[s] = (byte) f;

        boolean havePos = (f & HAS_POSITION) != 0 && age(t, posTime[s]) <= LOCAL_VALID_NANOS;
        boolean trusted = havePos && (f & PROVISIONAL) == 0;

        // 1. global from a fresh pair of the same kind
        int otherValid = odd ? EVEN_VALID : ODD_VALID;
        boolean otherSurface = (f & (odd ? EVEN_SURFACE : ODD_SURFACE)) != 0;
        long otherTime = odd ? evenTime[s] : oddTime[s];
        long window = surface ? SURFACE_PAIR_NANOS : AIRBORNE_PAIR_NANOS;
        if ((f & otherValid) != 0 && otherSurface == surface && (t == 0 || age(t, otherTime) <= window)) {
            boolean ok;
            if (surface) {
                double rLat = trusted
                        ? posLat[s]
                        : !Double.isNaN(receiverLat) ? receiverLat : havePos ? posLat[s] : Double.NaN;
                double rLon = trusted
                        ? posLon[s]
                        : !Double.isNaN(receiverLon) ? receiverLon : havePos ? posLon[s] : Double.NaN;
                if (Double.isNaN(rLat)) {
                    noReference++;
                    ok = false;
                } else {
                    ok = Cpr.globalSurface(evenLat[s], evenLon[s], oddLat[s], oddLon[s], odd, rLat, rLon, result);
                    if (!ok) nlMismatch++;
                }
            } else {
                ok = Cpr.globalAirborne(evenLat[s], evenLon[s], oddLat[s], oddLon[s], odd, result);
                if (!ok) nlMismatch++;
            }
            if (ok) {
                if (trusted && !reachable(s, t, surface)) {
                    jumpRejected++;
                    flags[s] = (byte) (flags[s] & ~(HAS_POSITION | PROVISIONAL));
                    return false;
                }
                globalDecodes++;
                return accept(m, s, t, false, ModeSMessage.POSITION_GLOBAL);
            }
        }
        // 2. local against the aircraft's own last position
        if (havePos) {
            Cpr.local(m.cprLat, m.cprLon, odd, surface, posLat[s], posLon[s], result);
            if (trusted && !reachable(s, t, surface)) {
                jumpRejected++;
                flags[s] = (byte) (flags[s] & ~(HAS_POSITION | PROVISIONAL));
                return false;
            }
            localDecodes++;
            return accept(m, s, t, (f & PROVISIONAL) != 0, ModeSMessage.POSITION_LOCAL);
        }
        // 3. local against the receiver (first frame only)
        if (!Double.isNaN(receiverLat) && !Double.isNaN(receiverLon)) {
            Cpr.local(m.cprLat, m.cprLon, odd, surface, receiverLat, receiverLon, result);
            double limit = surface ? MAX_RECEIVER_RANGE_SURFACE_NM : MAX_RECEIVER_RANGE_AIRBORNE_NM;
            if (Cpr.distanceNm(receiverLat, receiverLon, result[0], result[1]) > limit) {
                outOfReceiverRange++;
                return false;
            }
            receiverLocalDecodes++;
            return accept(m, s, t, true, ModeSMessage.POSITION_RECEIVER);
        }
        return false;
    }

    private boolean accept(ModeSMessage m, int s, long t, boolean provisional, int source) {
        m.lat = result[0];
        m.lon = result[1];
        m.positionSource = source;
        posLat[s] = result[0];
        posLon[s] = result[1];
        posTime[s] = t;
        int f = flags[s] | HAS_POSITION;
        f = provisional ? f | PROVISIONAL : f & ~PROVISIONAL;
        flags[s] = (byte) f;
        return true;
    }

    /** Whether {@link #result} is within reach of the stored position in the elapsed time. */
    private boolean reachable(int s, long t, boolean surface) {
        double seconds = age(t, posTime[s]) / 1e9;
        double speed = surface ? MAX_SURFACE_SPEED_KT : MAX_AIRBORNE_SPEED_KT;
        double allowed = JUMP_MARGIN_NM + speed * seconds / 3600.0;
        return Cpr.certainlyWithinNm(posLat[s], posLon[s], result[0], result[1], allowed)
                || Cpr.distanceNm(posLat[s], posLon[s], result[0], result[1]) <= allowed;
    }

    private static long age(long t, long then) {
        long d = t - then;
        return d < 0 ? -d : d;
    }

    // ------------------------------------------------------------------ hash table

    private static int hash(int key) {
        int h = key * 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    /** Slot of an address, inserting it (and growing when half full) when absent. */
    private int slot(int icao, long now) {
        int key = (icao & 0xFFFFFF) + 1;
        int mask = capacity - 1;
        int i = hash(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) return i;
            i = (i + 1) & mask;
        }
        if (size + 1 > capacity / 2) {
            grow(now);
            return slot(icao, now);
        }
        keys[i] = key;
        flags[i] = 0;
        size++;
        return i;
    }

    /** Doubles the table (or just rebuilds it, when expiry freed enough), dropping stale aircraft. */
    private void grow(long now) {
        int[] oKeys = keys;
        byte[] oFlags = flags;
        long[] oEvenTime = evenTime, oOddTime = oddTime, oPosTime = posTime;
        int[] oEvenLat = evenLat, oEvenLon = evenLon, oOddLat = oddLat, oOddLon = oddLon;
        double[] oPosLat = posLat, oPosLon = posLon;
        int live = 0;
        for (int i = 0; i < oKeys.length; i++) {
            if (oKeys[i] != 0 && !stale(now, oEvenTime[i], oOddTime[i], oPosTime[i], oFlags[i])) live++;
        }
        int cap = capacity;
        while (live + 1 > cap / 4 && cap < (1 << 26)) cap <<= 1;
        allocate(cap);
        int mask = cap - 1;
        for (int i = 0; i < oKeys.length; i++) {
            if (oKeys[i] == 0 || stale(now, oEvenTime[i], oOddTime[i], oPosTime[i], oFlags[i])) continue;
            int j = hash(oKeys[i]) & mask;
            while (keys[j] != 0) j = (j + 1) & mask;
            keys[j] = oKeys[i];
            flags[j] = oFlags[i];
            evenTime[j] = oEvenTime[i];
            oddTime[j] = oOddTime[i];
            posTime[j] = oPosTime[i];
            evenLat[j] = oEvenLat[i];
            evenLon[j] = oEvenLon[i];
            oddLat[j] = oOddLat[i];
            oddLon[j] = oOddLon[i];
            posLat[j] = oPosLat[i];
            posLon[j] = oPosLon[i];
            size++;
        }
    }

    private static boolean stale(long now, long even, long odd, long pos, int f) {
        if (now == 0) return false;
        long newest = Math.max(even, Math.max(odd, (f & HAS_POSITION) != 0 ? pos : Long.MIN_VALUE));
        return age(now, newest) > LOCAL_VALID_NANOS;
    }

    private void allocate(int cap) {
        capacity = cap;
        size = 0;
        keys = new int[cap];
        flags = new byte[cap];
        evenTime = new long[cap];
        oddTime = new long[cap];
        posTime = new long[cap];
        evenLat = new int[cap];
        evenLon = new int[cap];
        oddLat = new int[cap];
        oddLon = new int[cap];
        posLat = new double[cap];
        posLon = new double[cap];
    }

    // ------------------------------------------------------------------ counters

    /** Aircraft currently held. */
    public int size() {
        return size;
    }

    public long globalDecodes() {
        return globalDecodes;
    }

    public long localDecodes() {
        return localDecodes;
    }

    public long receiverLocalDecodes() {
        return receiverLocalDecodes;
    }
    /** Pairs rejected because the two frames decode to different latitude zones (or latitude out of range). */
    public long nlMismatchRejected() {
        return nlMismatch;
    }
    /** Results farther from the last position than the aircraft could have flown. */
    public long jumpRejected() {
        return jumpRejected;
    }
    /** Surface pairs with neither a last position nor a receiver reference. */
    public long noReferenceRejected() {
        return noReference;
    }
    /** Receiver-relative first fixes farther than half a zone from the receiver. */
    public long outOfReceiverRangeRejected() {
        return outOfReceiverRange;
    }
}
