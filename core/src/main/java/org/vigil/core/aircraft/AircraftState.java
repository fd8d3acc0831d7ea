package org.vigil.core.aircraft;

/**
 * What we know about one aircraft (one 24-bit address), built from its messages. Instances
 * are owned and pooled by {@link AircraftTable}: a state object is reused for another address
 * after its aircraft expires, so never keep a reference across table calls made by another
 * thread, and copy what you need while you hold the table.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Absent values are {@code NaN} (doubles), {@link #ABSENT} (ints) or 0 (callsign);
 *       {@link #seenNanos(FieldGroup)} is {@link #NEVER} until the group is first set.</li>
 *   <li>A field group's values and its time change together; a value older than the one held
 *       (by message time) does not overwrite it, so reordered feeds never roll a field back.</li>
 *   <li>The current position is always one that passed the plausibility gate (or the first
 *       fix, or a relocation); every accepted position is appended to the trail, so the newest
 *       trail point equals the current position.</li>
 *   <li>{@link #lastSeenNanos()} is the newest message time seen for this aircraft.</li>
 * </ul>
 * Time is always message time in nanoseconds since the Unix epoch; nothing here reads a clock.
 */
public final class AircraftState {
    public static final int ABSENT = Integer.MIN_VALUE;
    public static final long NEVER = Long.MIN_VALUE;
    /** Air/ground status values. */
    public static final int AIR_GROUND_UNKNOWN = 0, AIRBORNE = 1, ON_GROUND = 2;
    /** Vertical rate source values (same mapping as the ADS-B VrSrc bit after decoding). */
    public static final int VR_SOURCE_GNSS = 0, VR_SOURCE_BARO = 1;
    /** Downlink formats 24..31 are all counted under 24 (Comm-D / extended length). */
    public static final int DF_SLOTS = 25;

    private static final double EARTH_RADIUS_NM = 3440.065;

    private final TrackingRules rules;

    private int address = ABSENT;
    private long firstSeenNanos = NEVER;
    private long lastSeenNanos = NEVER;
    private final long[] seen = new long[FieldGroup.ALL.length];

    // position
    private double lat = Double.NaN, lon = Double.NaN;
    private boolean surface;
    private int positionRejections;
    private int relocations;
    // relocation candidate: last rejected fix and how many consecutive rejected fixes agree with it
    private double candLat, candLon;
    private long candTime;
    private boolean candSurface;
    private int candCount;

    // trail ring: head = index of the next write; trailCount <= capacity
    private final long[] trailTime;
    private final double[] trailLat, trailLon;
    private final int[] trailAlt;
    private int trailHead, trailCount;

    private int baroAltitudeFt = ABSENT;
    private int gnssAltitudeFt = ABSENT;
    private double groundSpeedKt = Double.NaN, trackDeg = Double.NaN;
    private int verticalRateFpm = ABSENT, verticalRateSource = ABSENT;
    private double iasKt = Double.NaN, tasKt = Double.NaN, mach = Double.NaN, headingDeg = Double.NaN;
    private long callsign;
    private int squawk = ABSENT;
    private Emergency emergency;
    private int category = ABSENT;
    private int adsbVersion = ABSENT, nacP = ABSENT, nic = ABSENT, sil = ABSENT, gva = ABSENT, nicBaro = ABSENT;
    private int selectedAltitudeFt = ABSENT;
    private double selectedHeadingDeg = Double.NaN, baroSettingHpa = Double.NaN;
    private int airGround = AIR_GROUND_UNKNOWN;

    private long messages;
    private final long[] messagesByDf = new long[DF_SLOTS];
    private int signalLevel = -1;
    private double signalAverage = Double.NaN;

    AircraftState(TrackingRules rules) {
        this.rules = rules;
        int n = rules.trailLength();
        trailTime = new long[n];
        trailLat = new double[n];
        trailLon = new double[n];
        trailAlt = new int[n];
        clear(ABSENT);
    }

    /** Back to "nothing known" for a new address (pool reuse). Keeps the arrays. */
    void clear(int newAddress) {
        address = newAddress;
        firstSeenNanos = NEVER;
        lastSeenNanos = NEVER;
        java.util.Arrays.fill(seen, NEVER);
        lat = Double.NaN;
        lon = Double.NaN;
        surface = false;
        positionRejections = 0;
        relocations = 0;
        candLat = Double.NaN;
        candLon = Double.NaN;
        candTime = NEVER;
        candSurface = false;
        candCount = 0;
        trailHead = 0;
        trailCount = 0;
        baroAltitudeFt = ABSENT;
        gnssAltitudeFt = ABSENT;
        groundSpeedKt = Double.NaN;
        trackDeg = Double.NaN;
        verticalRateFpm = ABSENT;
        verticalRateSource = ABSENT;
        iasKt = Double.NaN;
        tasKt = Double.NaN;
        mach = Double.NaN;
        headingDeg = Double.NaN;
        callsign = 0;
        squawk = ABSENT;
        emergency = null;
        category = ABSENT;
        adsbVersion = ABSENT;
        nacP = ABSENT;
        nic = ABSENT;
        sil = ABSENT;
        gva = ABSENT;
        nicBaro = ABSENT;
        selectedAltitudeFt = ABSENT;
        selectedHeadingDeg = Double.NaN;
        baroSettingHpa = Double.NaN;
        airGround = AIR_GROUND_UNKNOWN;
        messages = 0;
        java.util.Arrays.fill(messagesByDf, 0);
        signalLevel = -1;
        signalAverage = Double.NaN;
    }

    // ------------------------------------------------------------------ reception

    /**
     * Counts one message from this aircraft and moves "last seen" forward.
     * @param df downlink format (0..31; anything else is counted in the total only)
     * @param signal signal level 0..255, or negative when the feed gives none
     */
    public void heard(long timeNanos, int df, int signal) {
        if (firstSeenNanos == NEVER) firstSeenNanos = timeNanos;
        if (timeNanos > lastSeenNanos) lastSeenNanos = timeNanos;
        messages++;
        if (df >= 0 && df <= 31) messagesByDf[Math.min(df, DF_SLOTS - 1)]++;
        if (signal >= 0) {
            signalLevel = signal;
            // exponential average over roughly the last 8 messages: steadier for display than one reading
            signalAverage = Double.isNaN(signalAverage) ? signal : signalAverage + (signal - signalAverage) / 8.0;
        }
    }

    /**
     * A copy of a message already applied (another receiver heard the same transmission, or the
     * aircraft repeated it unchanged within the de-duplication window): counted as a message heard,
     * but "last seen" stays at the first copy's time. When the copy was heard stronger than the
     * message last heard ({@code keptNanos}, {@code keptSignal}), its level stands instead, as if it
     * had come first.
     *
     * @param df downlink format of the copy (0..31)
     */
    public void heardCopy(int df, long keptNanos, int keptSignal, int signal) {
        messages++;
        if (df >= 0 && df <= 31) messagesByDf[Math.min(df, DF_SLOTS - 1)]++;
        if (keptNanos != lastSeenNanos || keptSignal < 0 || signal <= keptSignal || signalLevel != keptSignal) return;
        // the average took the kept level in last: the stronger level replaces it there
        signalAverage = signalAverage == keptSignal ? signal : signalAverage + (signal - keptSignal) / 8.0;
        signalLevel = signal;
    }

    /** true (and the group's time advanced) when a value of this time may replace the held one. */
    private boolean refresh(FieldGroup g, long t) {
        int i = g.ordinal();
        if (t < seen[i]) return false;
        seen[i] = t;
        return true;
    }

    // ------------------------------------------------------------------ position gate

    /** Plausibility gate; the table counts outcomes. Called only via {@link AircraftTable#offerPosition}. */
    PositionOutcome offerPosition(double newLat, double newLon, int altitudeFt, boolean onSurface, long t) {
        if (!(newLat >= -90 && newLat <= 90 && newLon >= -180 && newLon <= 180))
            return PositionOutcome.REJECTED_INVALID;
        long last = seen[FieldGroup.POSITION.ordinal()];
        if (last == NEVER) {
            place(newLat, newLon, altitudeFt, onSurface, t);
            return PositionOutcome.ACCEPTED;
        }
        if (t < last) return PositionOutcome.IGNORED_LATE;
        if (reachable(lat, lon, last, surface, newLat, newLon, t, onSurface)) {
            candCount = 0;
            place(newLat, newLon, altitudeFt, onSurface, t);
            return PositionOutcome.ACCEPTED;
        }
        positionRejections++;
        // Does this rejected fix continue the previous rejected one? If so the aircraft is
        // probably really there and our held position is the bad one.
        boolean agrees = candCount > 0
                && t >= candTime
                && t - candTime <= rules.relocateWindowNanos()
                && reachable(candLat, candLon, candTime, candSurface, newLat, newLon, t, onSurface);
        candCount = agrees ? candCount + 1 : 1;
        candLat = newLat;
        candLon = newLon;
        candTime = t;
        candSurface = onSurface;
        if (candCount >= rules.relocateAfter()) {
            candCount = 0;
            relocations++;
            place(newLat, newLon, altitudeFt, onSurface, t);
            return PositionOutcome.RELOCATED;
        }
        return PositionOutcome.REJECTED_IMPLAUSIBLE;
    }

    private boolean reachable(
            double lat0, double lon0, long t0, boolean surf0, double lat1, double lon1, long t1, boolean surf1) {
        double dt = Math.max((t1 - t0) / 1e9, rules.minGateSeconds());
        double kt = (surf0 && surf1) ? rules.maxSurfaceSpeedKt() : rules.maxAirborneSpeedKt();
        return distanceNm(lat0, lon0, lat1, lon1) <= kt * dt / 3600.0 + rules.positionSlackNm();
    }

    private void place(double newLat, double newLon, int altitudeFt, boolean onSurface, long t) {
        lat = newLat;
        lon = newLon;
        surface = onSurface;
        seen[FieldGroup.POSITION.ordinal()] = t;
        int alt = altitudeFt != ABSENT ? altitudeFt : (onSurface ? ABSENT : baroAltitudeFt);
        trailTime[trailHead] = t;
        trailLat[trailHead] = newLat;
        trailLon[trailHead] = newLon;
        trailAlt[trailHead] = alt;
        trailHead = (trailHead + 1) % trailTime.length;
        if (trailCount < trailTime.length) trailCount++;
    }

    /** Great-circle distance (haversine, spherical earth) in nautical miles. */
    public static double distanceNm(double lat0, double lon0, double lat1, double lon1) {
        double p0 = Math.toRadians(lat0), p1 = Math.toRadians(lat1);
        double dp = p1 - p0, dl = Math.toRadians(lon1 - lon0);
        double s = Math.sin(dp / 2), c = Math.sin(dl / 2);
        double h = s * s + Math.cos(p0) * Math.cos(p1) * c * c;
        return 2 * EARTH_RADIUS_NM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    // ------------------------------------------------------------------ updates (message time t)

    public void updateBaroAltitude(int ft, long t) {
        if (refresh(FieldGroup.BARO_ALTITUDE, t)) baroAltitudeFt = ft;
    }

    public void updateGnssAltitude(int ft, long t) {
        if (refresh(FieldGroup.GNSS_ALTITUDE, t)) gnssAltitudeFt = ft;
    }

    /** Ground speed and track; either may be NaN (e.g. a surface report with track invalid). */
    public void updateGroundVelocity(double speedKt, double trackDegrees, long t) {
        if (refresh(FieldGroup.GROUND_VELOCITY, t)) {
            groundSpeedKt = speedKt;
            trackDeg = trackDegrees;
        }
    }

    /** @param source {@link #VR_SOURCE_GNSS}, {@link #VR_SOURCE_BARO} or {@link #ABSENT} */
    public void updateVerticalRate(int fpm, int source, long t) {
        if (refresh(FieldGroup.VERTICAL_RATE, t)) {
            verticalRateFpm = fpm;
            verticalRateSource = source;
        }
    }

    /**
     * Air data; NaN arguments leave the held value (a message usually carries only one of IAS /
     * TAS), but the group time moves so the group counts as fresh.
     */
    public void updateAirData(double ias, double tas, double machNumber, double heading, long t) {
        if (!refresh(FieldGroup.AIR_DATA, t)) return;
        if (!Double.isNaN(ias)) iasKt = ias;
        if (!Double.isNaN(tas)) tasKt = tas;
        if (!Double.isNaN(machNumber)) mach = machNumber;
        if (!Double.isNaN(heading)) headingDeg = heading;
    }

    /** @param packed callsign packed 6 bits a character (first in bits 47..42), non-zero */
    public void updateCallsign(long packed, long t) {
        if (refresh(FieldGroup.CALLSIGN, t)) callsign = packed;
    }

    /** @param code Mode A code as four octal digits read as a decimal number (7700) */
    public void updateSquawk(int code, long t) {
        if (refresh(FieldGroup.SQUAWK, t)) squawk = code;
    }

    /** @param state ADS-B emergency/priority status */
    public void updateEmergency(Emergency state, long t) {
        if (refresh(FieldGroup.EMERGENCY, t)) emergency = state;
    }

    /**
     * @param emitterCategory ADS-B emitter category as the hex digits of its name: set letter
     *                        (0xA..0xD) in bits 7..4, number 0..7 in bits 3..0, so 0xA3 is "A3"
     */
    public void updateCategory(int emitterCategory, long t) {
        if (refresh(FieldGroup.CATEGORY, t)) category = emitterCategory;
    }

    /** Quality indicators; {@link #ABSENT} arguments leave the held value. */
    public void updateQuality(
            int version, int nacPosition, int nicValue, int silValue, int gvaValue, int nicBaroValue, long t) {
        if (!refresh(FieldGroup.QUALITY, t)) return;
        if (version != ABSENT) adsbVersion = version;
        if (nacPosition != ABSENT) nacP = nacPosition;
        if (nicValue != ABSENT) nic = nicValue;
        if (silValue != ABSENT) sil = silValue;
        if (gvaValue != ABSENT) gva = gvaValue;
        if (nicBaroValue != ABSENT) nicBaro = nicBaroValue;
    }

    /** Selected state; absent arguments leave the held value. */
    public void updateSelectedState(int altitudeFt, double heading, double qnhHpa, long t) {
        if (!refresh(FieldGroup.SELECTED_STATE, t)) return;
        if (altitudeFt != ABSENT) selectedAltitudeFt = altitudeFt;
        if (!Double.isNaN(heading)) selectedHeadingDeg = heading;
        if (!Double.isNaN(qnhHpa)) baroSettingHpa = qnhHpa;
    }

    /** @param status {@link #AIRBORNE} or {@link #ON_GROUND} */
    public void updateAirGround(int status, long t) {
        if (refresh(FieldGroup.AIR_GROUND, t)) airGround = status;
    }

    // ------------------------------------------------------------------ reading

    /** 24-bit address, with {@link AircraftTable#NON_ICAO} set for DF18 anonymous/TIS-B addresses. */
    public int address() {
        return address;
    }

    public int icao() {
        return address & 0xFFFFFF;
    }

    public boolean isNonIcaoAddress() {
        return (address & AircraftTable.NON_ICAO) != 0;
    }

    public long firstSeenNanos() {
        return firstSeenNanos;
    }

    public long lastSeenNanos() {
        return lastSeenNanos;
    }

    /** Time the group was last refreshed, or {@link #NEVER}. */
    public long seenNanos(FieldGroup g) {
        return seen[g.ordinal()];
    }

    /** true when the group has a value no older than its stale age at {@code nowNanos}. */
    public boolean isFresh(FieldGroup g, long nowNanos) {
        long s = seen[g.ordinal()];
        return s != NEVER && nowNanos - s <= rules.staleAfterNanos(g.ordinal());
    }

    public boolean hasPosition() {
        return seen[FieldGroup.POSITION.ordinal()] != NEVER;
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    public boolean isSurfacePosition() {
        return surface;
    }

    public long positionNanos() {
        return seen[FieldGroup.POSITION.ordinal()];
    }
    /** Positions kept out by the plausibility gate since this aircraft appeared. */
    public int positionRejections() {
        return positionRejections;
    }

    public int relocations() {
        return relocations;
    }

    public int baroAltitudeFt() {
        return baroAltitudeFt;
    }

    public int gnssAltitudeFt() {
        return gnssAltitudeFt;
    }

    public double groundSpeedKt() {
        return groundSpeedKt;
    }

    public double trackDeg() {
        return trackDeg;
    }

    public int verticalRateFpm() {
        return verticalRateFpm;
    }

    public int verticalRateSource() {
        return verticalRateSource;
    }

    public double indicatedAirspeedKt() {
        return iasKt;
    }

    public double trueAirspeedKt() {
        return tasKt;
    }

    public double mach() {
        return mach;
    }

    public double headingDeg() {
        return headingDeg;
    }
    /** Packed callsign (see org.vigil.core.Callsigns), 0 when none. */
    public long callsign() {
        return callsign;
    }

    public int squawk() {
        return squawk;
    }
    /** ADS-B emergency/priority status; null when never received. */
    public Emergency emergency() {
        return emergency;
    }
    /** Squawk 7500 (unlawful interference), 7600 (radio failure) or 7700 (emergency). */
    public boolean isEmergencySquawk() {
        return squawk == 7500 || squawk == 7600 || squawk == 7700;
    }
    /** Emitter category, 0xA3 for "A3" ({@code Integer.toHexString} gives the name); ABSENT when unknown. */
    public int category() {
        return category;
    }

    public int adsbVersion() {
        return adsbVersion;
    }

    public int nacP() {
        return nacP;
    }

    public int nic() {
        return nic;
    }

    public int sil() {
        return sil;
    }

    public int gva() {
        return gva;
    }

    public int nicBaro() {
        return nicBaro;
    }

    public int selectedAltitudeFt() {
        return selectedAltitudeFt;
    }

    public double selectedHeadingDeg() {
        return selectedHeadingDeg;
    }

    public double baroSettingHpa() {
        return baroSettingHpa;
    }

    public int airGround() {
        return airGround;
    }

    public long messages() {
        return messages;
    }
    /** Messages of a downlink format; DF 24..31 are all counted under 24. */
    public long messages(int df) {
        return df < 0 || df > 31 ? 0 : messagesByDf[Math.min(df, DF_SLOTS - 1)];
    }
    /** Last signal level 0..255, -1 when no feed gave one. */
    public int signalLevel() {
        return signalLevel;
    }

    public double signalAverage() {
        return signalAverage;
    }

    // ------------------------------------------------------------------ trail (0 = oldest)

    public int trailCapacity() {
        return trailTime.length;
    }

    public int trailSize() {
        return trailCount;
    }

    public long trailTimeNanos(int i) {
        return trailTime[trailSlot(i)];
    }

    public double trailLat(int i) {
        return trailLat[trailSlot(i)];
    }

    public double trailLon(int i) {
        return trailLon[trailSlot(i)];
    }
    /** Altitude with the point (its own message, else the held baro altitude), {@link #ABSENT} when unknown. */
    public int trailAltitudeFt(int i) {
        return trailAlt[trailSlot(i)];
    }

    private int trailSlot(int i) {
        if (i < 0 || i >= trailCount) throw new IndexOutOfBoundsException("trail index " + i + " of " + trailCount);
        int n = trailTime.length;
        return (trailHead - trailCount + i + n) % n;
    }
}
