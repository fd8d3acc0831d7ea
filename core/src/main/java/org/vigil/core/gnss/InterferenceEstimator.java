package org.vigil.core.gnss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.InterferenceEvent;

/**
 * The GNSS interference picture from the ADS-B already received (docs/GNSS.md): per cell of an
 * {@link EqualAreaGrid}, the share of aircraft whose ADS-B integrity dropped (NIC or NACp below the
 * rules' thresholds), whose position was lost while their velocity continued, or whose positions
 * were implausible: far from where their own velocity carried them, or agreeing with other
 * aircraft's (several at one point, several jumped by one offset). Open cells join into areas whose
 * opening, growth and closing are typed events ({@link InterferenceEvent}).
 *
 * <p>Per message ({@link #position}, {@link #velocity}, {@link #accuracy}): a lookup in an
 * open-addressed primitive table and a few multiplications, nothing allocated. {@link #update} (at
 * each clock tick or housekeeping) walks the aircraft and the cells they touch; it allocates only
 * events and at a new peak of aircraft or cells. Time is data time only: the same messages and
 * updates give the same cells and events. Not thread-safe: the picture's owner calls everything.
 */
public final class InterferenceEstimator {
    public static final int ABSENT = Integer.MIN_VALUE;
    public static final long NEVER = Long.MIN_VALUE;
    /** Aircraft status: nothing wrong seen within the window. */
    public static final int CLEAN = 0;
    /** Integrity (NIC/NACp) dropped within the window. */
    public static final int DEGRADED = 1;
    /** Position lost while velocity continues. */
    public static final int POSITION_LOST = 2;
    /** Implausible positions (against own velocity, or agreeing with other aircraft). */
    public static final int SPOOFED = 3;

    private static final int FREE = -1;
    private static final long SECOND = 1_000_000_000L;
    /** The velocity-consistency check compares positions this far apart (shorter spans are within noise). */
    private static final long BASELINE = 20 * SECOND;
    /** A velocity older than this is not carried forward. */
    private static final long VELOCITY_VALID = 10 * SECOND;
    /** A position older than this is no longer "current" for the one-point check. */
    private static final long CURRENT = 10 * SECOND;
    /** Aircraft not heard for the window plus this are forgotten. */
    private static final long FORGET = 300 * SECOND;
    /** Mean resultant length of the tracks at one point above which they fly together (a formation). */
    private static final double FORMATION_R = 0.9;

    private static final int MAX_AIRCRAFT = 1 << 17;
    private static final int MAX_AREAS = 256;

    // slot layout: longs (times, ns) and doubles of aircraft s at times[l(s) + ...] and numbers[d(s) + ...]
    private static final int HEARD = 0,
            POS_T = 1,
            VEL_T = 2,
            BAD_T = 3,
            SPOOF_T = 4,
            REF_T = 5,
            ANCHOR_T = 6,
            JUMP_T = 7;
    private static final int L = 8;
    private static final int LAT = 0, LON = 1, V_N = 2, V_E = 3, REF_LAT = 4, REF_LON = 5, REF_DN = 6, REF_DE = 7;
    private static final int ANCHOR_LAT = 8, ANCHOR_LON = 9, ANCHOR_DN = 10, ANCHOR_DE = 11, JUMP_DLAT = 12;
    /** The last NIC and NACp heard (-1: none), kept with the numbers to stay on the slot's lines. */
    private static final int JUMP_DLON = 13, NIC = 14, NACP = 15;

    private static final int D = 16;

    private static int l(int slot) {
        return slot << 3;
    }

    private static int d(int slot) {
        return slot << 4;
    }

    private final GnssRules rules;
    private final EqualAreaGrid grid;
    private final EventSink events;
    private final long window, loss, hold;
    /** The rules' jump distance squared, NM². */
    private final double jumpNm2;

    // ---- aircraft (parallel arrays, open addressing, backward-shift deletion)
    private int[] addr;
    /*
     * Each aircraft's times and numbers lie together (a slot's longs in one cache line, its doubles in
     * two), so a message touches three lines, not one per field: with 20,000 aircraft the fields'
     * own arrays would be a cache miss each.
     */
    private long[] times;

    private double[] numbers;
    private byte[] status;
    /** The cell each aircraft was placed in at the last update (-1: none). */
    private int[] cellOfAircraft;

    private int mask, size;
    private long refused, messages;
    private int[] expiring;

    // ---- cells
    private final int[] cellTotal, cellAffected, cellSpoofed, cellArea;
    /** Scratch: position + 1 of an open cell in {@link #open} while areas are formed, else 0. */
    private final int[] openIndex;

    private final long[] cellEvidence;
    private final boolean[] cellOpen, cellTouched;
    private int[] touched = new int[1024];
    private int touchedCount;
    private int[] open = new int[256];
    private int openCount;

    // ---- scratch for clustering (keys of fine bins and offsets)
    private long[] binKey = new long[1024];
    private int[] binCount = new int[1024], binBad = new int[1024];
    private double[] binSin = new double[1024], binCos = new double[1024];
    private int[] parent = new int[256];
    /** Scratch of {@link #markPoints}: each slot's bin, -1 for none. */
    private int[] binOfSlot = new int[0];

    // ---- areas
    private final int[] areaId = new int[MAX_AREAS], areaMaxCells = new int[MAX_AREAS];
    private final long[] areaOpened = new long[MAX_AREAS];
    private final boolean[] areaSpoofing = new boolean[MAX_AREAS], areaSeen = new boolean[MAX_AREAS];
    private int areaCount, nextAreaId = 1;
    private long lastUpdate = NEVER;
    private long opened, closed;

    public InterferenceEstimator(GnssRules rules, EventSink events) {
        this.rules = rules;
        this.events = events == null ? EventSink.NONE : events;
        this.grid = new EqualAreaGrid(rules.cellKm());
        this.window = (long) (rules.windowSeconds() * SECOND);
        this.loss = (long) (rules.positionLossSeconds() * SECOND);
        this.hold = (long) (rules.holdSeconds() * SECOND);
        this.jumpNm2 = rules.jumpNm() * rules.jumpNm();
        allocate(1024);
        int n = grid.size();
        cellTotal = new int[n];
        cellAffected = new int[n];
        cellSpoofed = new int[n];
        cellArea = new int[n];
        openIndex = new int[n];
        cellEvidence = new long[n];
        cellOpen = new boolean[n];
        cellTouched = new boolean[n];
    }

    private void allocate(int cap) {
        addr = new int[cap];
        Arrays.fill(addr, FREE);
        times = new long[cap * L];
        numbers = new double[cap * D];
        status = new byte[cap];
        cellOfAircraft = new int[cap];
        expiring = new int[cap];
        mask = cap - 1;
    }

    public GnssRules rules() {
        return rules;
    }

    public EqualAreaGrid grid() {
        return grid;
    }

    // ------------------------------------------------------------------ per message

    /**
     * An airborne position of {@code address} resolved from ADS-B at data time {@code t}.
     * @param nic the NIC carried with it, {@link #ABSENT} when unknown (SBS)
     */
    public void position(int address, long t, double latDeg, double lonDeg, int nic) {
        int s = slot(address);
        if (s < 0) return;
        int ls = l(s), ds = d(s);
        messages++;
        heard(s, t);
        if (nic != ABSENT) numbers[ds + NIC] = nic;
        if (nic != ABSENT && nic < rules.nicBelow()) times[ls + BAD_T] = Math.max(times[ls + BAD_T], t);
        boolean implausible = false;
        long pt = times[ls + POS_T];
        boolean velocityKnown = times[ls + VEL_T] != NEVER && t - times[ls + VEL_T] <= VELOCITY_VALID;
        // one cosine per message: the points compared are a few NM apart (well under 1 % between their cosines)
        double c = velocityKnown ? cosDeg(latDeg) : 1;
        if (pt != NEVER && t > pt && velocityKnown && t - pt <= BASELINE) {
            // jump: against the last position carried on by the velocity
            double dt = (t - pt) / 1e9;
            double pLat = numbers[ds + LAT] + numbers[ds + V_N] * dt / 60.0;
            double pLon = numbers[ds + LON] + numbers[ds + V_E] * dt / (60.0 * c);
            if (fartherThanJump(latDeg - pLat, lonDeg - pLon, c)) {
                implausible = true;
                times[ls + JUMP_T] = t;
                numbers[ds + JUMP_DLAT] = latDeg - pLat;
                numbers[ds + JUMP_DLON] = lonDeg - pLon;
            }
        }
        if (times[ls + REF_T] != NEVER && t - times[ls + REF_T] >= BASELINE) {
            // drift: against the reference position carried on by every velocity since
            if (t - times[ls + REF_T] <= 3 * BASELINE && velocityKnown) {
                double dt = (t - times[ls + VEL_T]) / 1e9;
                double dN = numbers[ds + REF_DN] + numbers[ds + V_N] * dt / 60.0,
                        dE = numbers[ds + REF_DE] + numbers[ds + V_E] * dt / 60.0;
                double pLat = numbers[ds + REF_LAT] + dN;
                double pLon = numbers[ds + REF_LON] + dE / c;
                if (fartherThanJump(latDeg - pLat, lonDeg - pLon, c)) implausible = true;
            }
            times[ls + REF_T] = NEVER;
        }
        if (times[ls + REF_T] == NEVER) {
            times[ls + REF_T] = t;
            numbers[ds + REF_LAT] = latDeg;
            numbers[ds + REF_LON] = lonDeg;
            numbers[ds + REF_DN] = 0;
            numbers[ds + REF_DE] = 0;
        }
        if (implausible) times[ls + SPOOF_T] = Math.max(times[ls + SPOOF_T], t);
        else if (times[ls + SPOOF_T] == NEVER || t - times[ls + SPOOF_T] > window) {
            times[ls + ANCHOR_T] = t;
            numbers[ds + ANCHOR_LAT] = latDeg;
            numbers[ds + ANCHOR_LON] = lonDeg;
            numbers[ds + ANCHOR_DN] = 0;
            numbers[ds + ANCHOR_DE] = 0;
        }
        numbers[ds + LAT] = latDeg;
        numbers[ds + LON] = lonDeg;
        times[ls + POS_T] = Math.max(pt, t);
    }

    /** An airborne ground velocity (knots, degrees true) of {@code address} at {@code t}. */
    public void velocity(int address, long t, double groundSpeedKt, double trackDeg) {
        if (!(groundSpeedKt >= 0) || Double.isNaN(trackDeg)) return;
        int s = slot(address);
        if (s < 0) return;
        int ls = l(s), ds = d(s);
        messages++;
        heard(s, t);
        long vt = times[ls + VEL_T];
        if (vt != NEVER && t > vt && t - vt <= VELOCITY_VALID) {
            // carry the reference and the anchor on (degrees of latitude; east in degrees at the equator)
            double dt = (t - vt) / 1e9;
            double dN = numbers[ds + V_N] * dt / 60.0, dE = numbers[ds + V_E] * dt / 60.0;
            numbers[ds + REF_DN] += dN;
            numbers[ds + REF_DE] += dE;
            numbers[ds + ANCHOR_DN] += dN;
            numbers[ds + ANCHOR_DE] += dE;
        }
        double rad = Math.toRadians(trackDeg);
        numbers[ds + V_N] = groundSpeedKt * Math.cos(rad) / 3600.0; // NM per second = arc minutes per second
        numbers[ds + V_E] = groundSpeedKt * Math.sin(rad) / 3600.0;
        if (vt == NEVER || t > vt) times[ls + VEL_T] = t;
    }

    /** NACp of {@code address} at {@code t} (operational status, or a receiver's report). */
    public void accuracy(int address, long t, int nacp) {
        if (nacp == ABSENT) return;
        int s = slot(address);
        if (s < 0) return;
        int ls = l(s), ds = d(s);
        messages++;
        heard(s, t);
        numbers[ds + NACP] = nacp;
        if (nacp < rules.nacpBelow()) times[ls + BAD_T] = Math.max(times[ls + BAD_T], t);
    }

    /**
     * Another sensor (radar) disagrees with the aircraft's ADS-B position at {@code t}: its
     * positions count as implausible within the window.
     */
    public void disagreement(int address, long t) {
        int s = slot(address);
        if (s < 0) return;
        heard(s, t);
        times[l(s) + SPOOF_T] = Math.max(times[l(s) + SPOOF_T], t);
    }

    private void heard(int s, long t) {
        if (t > times[l(s) + HEARD]) times[l(s) + HEARD] = t;
    }

    /** Whether an offset (degrees; {@code c} the cosine of the latitude) is beyond the rules' jump distance. */
    private boolean fartherThanJump(double dLatDeg, double dLonDeg, double c) {
        double dN = dLatDeg * 60.0, dE = dLonDeg * 60.0 * c;
        return dN * dN + dE * dE > jumpNm2;
    }

    private static double cosDeg(double d) {
        return Math.max(0.01, Math.cos(Math.toRadians(d)));
    }

    /** Flat-earth distance, good to well under a percent over the few NM it judges. */
    static double distanceNm(double lat0, double lon0, double lat1, double lon1) {
        double dN = (lat1 - lat0) * 60.0;
        double dE = (lon1 - lon0) * 60.0 * cosDeg(0.5 * (lat0 + lat1));
        return Math.sqrt(dN * dN + dE * dE);
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int find(int address) {
        int i = hash(address) & mask;
        while (true) {
            int k = addr[i];
            if (k == address) return i;
            if (k == FREE) return -1;
            i = (i + 1) & mask;
        }
    }

    /** The aircraft's slot, added when new; -1 when the table is full (counted). */
    private int slot(int address) {
        if (address < 0) return -1;
        int i = hash(address) & mask;
        while (true) {
            int k = addr[i];
            if (k == address) return i;
            if (k == FREE) break;
            i = (i + 1) & mask;
        }
        if (size >= MAX_AIRCRAFT) {
            refused++;
            return -1;
        }
        if ((size + 1) * 2 > addr.length) {
            grow();
            i = hash(address) & mask;
            while (addr[i] != FREE) i = (i + 1) & mask;
        }
        addr[i] = address;
        times[l(i) + HEARD] = times[l(i) + POS_T] = times[l(i) + VEL_T] = times[l(i) + BAD_T] =
                times[l(i) + SPOOF_T] = times[l(i) + REF_T] = times[l(i) + ANCHOR_T] = times[l(i) + JUMP_T] = NEVER;
        status[i] = CLEAN;
        numbers[d(i) + NIC] = numbers[d(i) + NACP] = -1;
        cellOfAircraft[i] = -1;
        size++;
        return i;
    }

    private void grow() {
        InterferenceEstimator old = shallowCopy();
        allocate(addr.length * 2);
        for (int j = 0; j < old.addr.length; j++) {
            if (old.addr[j] == FREE) continue;
            int i = hash(old.addr[j]) & mask;
            while (addr[i] != FREE) i = (i + 1) & mask;
            copy(old, j, this, i);
        }
    }

    private InterferenceEstimator(InterferenceEstimator o) {
        rules = o.rules;
        grid = o.grid;
        events = o.events;
        window = o.window;
        loss = o.loss;
        hold = o.hold;
        jumpNm2 = o.jumpNm2;
        cellTotal = cellAffected = cellSpoofed = cellArea = openIndex = null;
        cellEvidence = null;
        cellOpen = cellTouched = null;
        addr = o.addr;
        times = o.times;
        numbers = o.numbers;
        status = o.status;
        cellOfAircraft = o.cellOfAircraft;
    }

    private InterferenceEstimator shallowCopy() {
        return new InterferenceEstimator(this);
    }

    private static void copy(InterferenceEstimator a, int i, InterferenceEstimator b, int j) {
        b.addr[j] = a.addr[i];
        System.arraycopy(a.times, l(i), b.times, l(j), L);
        System.arraycopy(a.numbers, d(i), b.numbers, d(j), D);
        b.status[j] = a.status[i];
        b.cellOfAircraft[j] = a.cellOfAircraft[i];
    }

    private void remove(int address) {
        int i = find(address);
        if (i < 0) return;
        int hole = i, j = i;
        while (true) {
            j = (j + 1) & mask;
            int k = addr[j];
            if (k == FREE) break;
            int home = hash(k) & mask;
            boolean stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (stays) continue;
            copy(this, j, this, hole);
            hole = j;
        }
        addr[hole] = FREE;
        size--;
    }

    // ------------------------------------------------------------------ the grid

    /**
     * Recomputes the cells and areas at data time {@code now} (a clock tick or the newest message);
     * emits the areas' events. A time before the last update is ignored.
     */
    public void update(long now) {
        if (lastUpdate != NEVER && now < lastUpdate) return;
        lastUpdate = now;
        // forget the long unheard
        int n = 0;
        for (int i = 0; i < addr.length; i++) {
            if (addr[i] != FREE && now - times[l(i) + HEARD] > window + FORGET) expiring[n++] = addr[i];
        }
        for (int j = 0; j < n; j++) remove(expiring[j]);
        for (int j = 0; j < touchedCount; j++) {
            int c = touched[j];
            cellTotal[c] = cellAffected[c] = cellSpoofed[c] = 0;
            cellTouched[c] = false;
        }
        touchedCount = 0;
        markPoints(now);
        long from = now - window;
        for (int i = 0; i < addr.length; i++) {
            if (addr[i] == FREE) continue;
            int li = l(i), di = d(i);
            if (times[li + HEARD] < from || times[li + ANCHOR_T] == NEVER) {
                status[i] = CLEAN;
                cellOfAircraft[i] = -1;
                continue;
            }
            int st = CLEAN;
            if (times[li + BAD_T] >= from) st = DEGRADED;
            if (times[li + VEL_T] >= from && times[li + VEL_T] - times[li + POS_T] > loss) st = POSITION_LOST;
            if (times[li + SPOOF_T] >= from) st = SPOOFED;
            status[i] = (byte) st;
            // where the aircraft is: its last plausible position carried on by its velocity
            double dN = numbers[di + ANCHOR_DN], dE = numbers[di + ANCHOR_DE];
            if (times[li + VEL_T] != NEVER && now - times[li + VEL_T] <= VELOCITY_VALID) {
                double dt = (now - Math.max(times[li + VEL_T], times[li + ANCHOR_T])) / 1e9;
                dN += numbers[di + V_N] * dt / 60.0;
                dE += numbers[di + V_E] * dt / 60.0;
            }
            double la = Math.max(-89.9, Math.min(89.9, numbers[di + ANCHOR_LAT] + dN));
            double lo = numbers[di + ANCHOR_LON] + dE / cosDeg(numbers[di + ANCHOR_LAT]);
            int c = grid.cellOf(la, lo);
            cellOfAircraft[i] = c;
            if (!cellTouched[c]) {
                cellTouched[c] = true;
                if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touchedCount * 2);
                touched[touchedCount++] = c;
            }
            cellTotal[c]++;
            if (st != CLEAN) cellAffected[c]++;
            if (st == SPOOFED) cellSpoofed[c]++;
        }
        judgeCells(now);
        areas(now);
    }

    /**
     * Agreement: where at least {@code spoofMinAircraft} current positions fall at one point (a bin of
     * {@code spoofPointNm}), flying different ways (not a formation), and at least two of them are
     * already implausible against their own velocity, all of them are spoofed: the others' drift
     * check has not yet had its baseline. Aircraft converging on one point by themselves (an approach)
     * are not flagged, since none of them is implausible.
     */
    private void markPoints(long now) {
        int cap = Integer.highestOneBit(Math.max(16, size) * 4 - 1) * 2;
        if (binKey.length < cap) {
            binKey = new long[cap];
            binCount = new int[cap];
            binBad = new int[cap];
            binSin = new double[cap];
            binCos = new double[cap];
        }
        double pointDeg = rules.spoofPointNm() / 60.0;
        Arrays.fill(binKey, 0, cap, Long.MIN_VALUE);
        int bm = cap - 1;
        if (binOfSlot.length < addr.length) binOfSlot = new int[addr.length];
        // first the bins: count, implausible ones, mean direction (each aircraft's bin kept for the second pass)
        for (int i = 0; i < addr.length; i++) {
            int li = l(i), di = d(i);
            binOfSlot[i] = -1;
            if (addr[i] == FREE || times[li + POS_T] == NEVER || now - times[li + POS_T] > CURRENT) continue;
            long key = binOf(numbers[di + LAT], numbers[di + LON] * cosDeg(numbers[di + LAT]), pointDeg);
            int b = (int) (key ^ (key >>> 29)) * 0x9E3779B9;
            b = (b ^ (b >>> 16)) & bm;
            while (binKey[b] != key && binKey[b] != Long.MIN_VALUE) b = (b + 1) & bm;
            binOfSlot[i] = b;
            if (binKey[b] == Long.MIN_VALUE) {
                binKey[b] = key;
                binCount[b] = 0;
                binBad[b] = 0;
                binSin[b] = 0;
                binCos[b] = 0;
            }
            binCount[b]++;
            if (times[li + SPOOF_T] != NEVER && now - times[li + SPOOF_T] <= window) binBad[b]++;
            double vN = numbers[di + V_N], vE = numbers[di + V_E];
            double v = Math.sqrt(vN * vN + vE * vE);
            if (v > 0) {
                binSin[b] += vE / v;
                binCos[b] += vN / v;
            }
        }
        // then every aircraft of a bin that agrees (not a formation) is spoofed
        for (int i = 0; i < addr.length; i++) {
            int b = binOfSlot[i];
            if (b < 0) continue;
            int k = binCount[b];
            if (k < rules.spoofMinAircraft() || binBad[b] < 2) continue;
            if (Math.sqrt(binSin[b] * binSin[b] + binCos[b] * binCos[b]) / k > FORMATION_R) continue;
            int li = l(i);
            times[li + SPOOF_T] = Math.max(times[li + SPOOF_T], times[li + POS_T]);
        }
    }

    private static long binOf(double a, double b, double size) {
        long r = (long) Math.floor(a / size), c = (long) Math.floor(b / size);
        return (r << 32) ^ (c & 0xFFFFFFFFL);
    }

    private void judgeCells(long now) {
        // evidence this update
        for (int j = 0; j < touchedCount; j++) {
            int c = touched[j];
            int total = cellTotal[c], bad = cellAffected[c];
            double share = bad / (double) total;
            if (cellOpen[c]) {
                if (bad >= 1 && share >= rules.closeShare()) cellEvidence[c] = now;
                else cellEvidence[c] = NEVER; // aircraft there, clean enough: closes now
            } else if (total >= rules.minAircraft() && bad >= rules.minAffected() && share >= rules.openShare()) {
                cellOpen[c] = true;
                cellEvidence[c] = now;
                if (openCount == open.length) open = Arrays.copyOf(open, openCount * 2);
                open[openCount++] = c;
            }
        }
        // close the open cells without evidence for longer than the hold
        int w = 0;
        for (int j = 0; j < openCount; j++) {
            int c = open[j];
            long e = cellEvidence[c];
            if (e == NEVER || now - e > hold) {
                cellOpen[c] = false;
                continue;
            }
            open[w++] = c;
        }
        openCount = w;
    }

    /** Confidence of a cell: its affected share weighed by how many aircraft bear it out. */
    static double confidence(int total, int affected) {
        if (total == 0) return 0;
        return (affected / (double) total) * (1 - Math.pow(0.5, affected));
    }

    private int root(int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private void areas(long now) {
        // components of open cells: neighbouring cells join
        Arrays.sort(open, 0, openCount); // deterministic order
        if (parent.length < openCount) parent = new int[open.length];
        for (int i = 0; i < openCount; i++) parent[i] = i;
        // neighbours: the cells under the points one cell away in the eight directions (no pairwise
        // distances: linear in the open cells)
        for (int i = 0; i < openCount; i++) openIndex[open[i]] = i + 1;
        double rowDeg = rules.cellKm() / 111.195;
        for (int i = 0; i < openCount; i++) {
            int c = open[i];
            double la = grid.centreLat(c), lo = grid.centreLon(c);
            double colDeg = rowDeg / cosDeg(la);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if (dx == 0 && dy == 0) continue;
                    int j = openIndex[grid.cellOf(Math.max(-90, Math.min(90, la + dy * rowDeg)), lo + dx * colDeg)] - 1;
                    if (j < 0) continue;
                    int a = root(i), b = root(j);
                    if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
                }
            }
        }
        for (int i = 0; i < openCount; i++) openIndex[open[i]] = 0;
        Arrays.fill(areaSeen, 0, areaCount, false);
        for (int r = 0; r < openCount; r++) {
            if (root(r) != r) continue;
            int prior = Integer.MAX_VALUE, cells = 0, total = 0, bad = 0, spoofed = 0;
            double sLat = 0, sLon = 0;
            for (int i = r; i < openCount; i++) {
                if (root(i) != r) continue;
                int c = open[i];
                if (cellArea[c] > 0 && cellArea[c] < prior && indexOfArea(cellArea[c]) >= 0) prior = cellArea[c];
                cells++;
                total += cellTotal[c];
                bad += cellAffected[c];
                spoofed += cellSpoofed[c];
                sLat += grid.centreLat(c);
                sLon += grid.centreLon(c);
            }
            double cLat = sLat / cells, cLon = sLon / cells, radius = 0;
            for (int i = r; i < openCount; i++) {
                if (root(i) != r) continue;
                radius = Math.max(
                        radius, distanceNm(cLat, cLon, grid.centreLat(open[i]), grid.centreLon(open[i])) * 1.852);
            }
            radius += rules.cellKm() / 2;
            boolean spoofing = spoofed >= 2 && 2 * spoofed >= bad;
            String kind = spoofing ? "spoofing" : "jamming";
            double conf = round(confidence(total, bad));
            int a;
            if (prior == Integer.MAX_VALUE) {
                if (areaCount == MAX_AREAS) continue; // more areas than anyone can read: the cells still show
                a = areaCount++;
                areaId[a] = nextAreaId++;
                areaOpened[a] = now;
                areaMaxCells[a] = cells;
                areaSpoofing[a] = spoofing;
                opened++;
                events.accept(new InterferenceEvent.Opened(
                        now, areaId[a], kind, round(cLat), round(cLon), round(radius), cells, total, bad, conf));
            } else {
                a = indexOfArea(prior);
                if (cells > areaMaxCells[a]) {
                    areaMaxCells[a] = cells;
                    areaSpoofing[a] = spoofing;
                    events.accept(new InterferenceEvent.Grown(
                            now, areaId[a], kind, round(cLat), round(cLon), round(radius), cells, total, bad, conf));
                }
            }
            areaSeen[a] = true;
            for (int i = r; i < openCount; i++) if (root(i) == r) cellArea[open[i]] = areaId[a];
        }
        int w = 0;
        for (int a = 0; a < areaCount; a++) {
            if (!areaSeen[a]) {
                closed++;
                events.accept(new InterferenceEvent.Closed(
                        now, areaId[a], areaSpoofing[a] ? "spoofing" : "jamming", areaOpened[a], areaMaxCells[a]));
                continue;
            }
            areaId[w] = areaId[a];
            areaOpened[w] = areaOpened[a];
            areaMaxCells[w] = areaMaxCells[a];
            areaSpoofing[w] = areaSpoofing[a];
            areaSeen[w] = true;
            w++;
        }
        areaCount = w;
        // cells no longer open forget their area
        for (int j = 0; j < touchedCount; j++) if (!cellOpen[touched[j]]) cellArea[touched[j]] = 0;
        for (int j = 0; j < openCount; j++) if (indexOfArea(cellArea[open[j]]) < 0) cellArea[open[j]] = 0;
    }

    private int indexOfArea(int id) {
        for (int a = 0; a < areaCount; a++) if (areaId[a] == id) return a;
        return -1;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    // ------------------------------------------------------------------ reading

    /** The aircraft's status at the last update ({@link #CLEAN} when unknown). */
    public int statusOf(int address) {
        int i = address < 0 ? -1 : find(address);
        return i < 0 ? CLEAN : status[i];
    }

    /**
     * The aircraft's status at the last update when it was then in an open cell (an interference
     * area), else {@link #CLEAN}: one aircraft's own trouble is not an area's.
     */
    public int statusInArea(int address) {
        int i = address < 0 ? -1 : find(address);
        if (i < 0 || cellOfAircraft[i] < 0 || !cellOpen[cellOfAircraft[i]]) return CLEAN;
        return status[i];
    }

    /** The last NIC heard from the aircraft, {@link #ABSENT} when none. */
    public int nicOf(int address) {
        int i = address < 0 ? -1 : find(address);
        return i < 0 || numbers[d(i) + NIC] < 0 ? ABSENT : (int) numbers[d(i) + NIC];
    }

    /** The last NACp heard from the aircraft, {@link #ABSENT} when none. */
    public int nacpOf(int address) {
        int i = address < 0 ? -1 : find(address);
        return i < 0 || numbers[d(i) + NACP] < 0 ? ABSENT : (int) numbers[d(i) + NACP];
    }

    /** The interference area the aircraft was placed in at the last update, 0 for none. */
    public int areaOfAircraft(int address) {
        int i = address < 0 ? -1 : find(address);
        return i < 0 || cellOfAircraft[i] < 0 ? 0 : areaOf(cellOfAircraft[i]);
    }

    /** Receives an aircraft's address and status. */
    @FunctionalInterface
    public interface AircraftVisitor {
        void accept(int address, int status);
    }

    /** Visits the aircraft not {@link #CLEAN} at the last update, in address order (allocates a little: publishing). */
    public void forEachAffected(AircraftVisitor visitor) {
        int n = 0;
        for (int i = 0; i < addr.length; i++) if (addr[i] != FREE && status[i] != CLEAN) n++;
        long[] keyed = new long[n];
        n = 0;
        for (int i = 0; i < addr.length; i++)
            if (addr[i] != FREE && status[i] != CLEAN) keyed[n++] = (long) addr[i] << 8 | status[i];
        Arrays.sort(keyed);
        for (long k : keyed) visitor.accept((int) (k >>> 8), (int) (k & 0xFF));
    }

    /** Whether the cell holding the point is open (an interference area) at the last update. */
    public boolean affectedAt(double latDeg, double lonDeg) {
        return cellOpen[grid.cellOf(latDeg, lonDeg)];
    }

    /** Whether {@code cell} is open. */
    public boolean isOpen(int cell) {
        return cellOpen[cell];
    }

    /** Share of the cell's aircraft affected at the last update (0 when it had none). */
    public double affectedShare(int cell) {
        return cellTotal[cell] == 0 ? 0 : cellAffected[cell] / (double) cellTotal[cell];
    }

    /** The area number of an open cell, 0 for none. */
    public int areaOf(int cell) {
        return cellOpen[cell] ? cellArea[cell] : 0;
    }

    public int aircraft() {
        return size;
    }

    // package access for InterferenceAlerts: the open cells as the last update left them (sorted)

    int openCellCount() {
        return openCount;
    }

    int openCell(int i) {
        return open[i];
    }

    int aircraftIn(int cell) {
        return cellTotal[cell];
    }

    int affectedIn(int cell) {
        return cellAffected[cell];
    }

    /** Whether the open area {@code id} is a spoofing area (as its last opened/grown event said). */
    boolean spoofingArea(int id) {
        int a = indexOfArea(id);
        return a >= 0 && areaSpoofing[a];
    }

    public long messages() {
        return messages;
    }
    /** Messages of aircraft refused because the table was full. */
    public long refused() {
        return refused;
    }

    public long areasOpened() {
        return opened;
    }

    public long areasClosed() {
        return closed;
    }

    public int openAreas() {
        return areaCount;
    }

    public long lastUpdate() {
        return lastUpdate;
    }

    /**
     * The cells with aircraft at the last update, and the open ones, in cell order (allocates:
     * for publishing, not the message path).
     */
    public List<Cell> cells() {
        int[] ids = new int[touchedCount + openCount];
        int n = 0;
        for (int j = 0; j < touchedCount; j++) ids[n++] = touched[j];
        for (int j = 0; j < openCount; j++) if (!cellTouched[open[j]]) ids[n++] = open[j];
        Arrays.sort(ids, 0, n);
        List<Cell> out = new ArrayList<>(n);
        double[] b = new double[4];
        for (int j = 0; j < n; j++) {
            int c = ids[j];
            grid.bounds(c, b);
            out.add(new Cell(
                    c,
                    round(grid.centreLat(c)),
                    round(grid.centreLon(c)),
                    b[0],
                    b[1],
                    b[2],
                    b[3],
                    cellTotal[c],
                    cellAffected[c],
                    cellSpoofed[c],
                    cellOpen[c],
                    areaOf(c),
                    round(confidence(cellTotal[c], cellAffected[c]))));
        }
        return out;
    }

    /**
     * One grid cell as last judged.
     *
     * @param aircraft   aircraft in it within the window
     * @param affected   of them with dropped integrity, lost position or implausible positions
     * @param spoofed    of them with implausible positions
     * @param open       part of an interference area
     * @param area       the area number, 0 for none
     * @param confidence 0..1
     */
    public record Cell(
            int id,
            double lat,
            double lon,
            double south,
            double north,
            double west,
            double east,
            int aircraft,
            int affected,
            int spoofed,
            boolean open,
            int area,
            double confidence) {}
}
