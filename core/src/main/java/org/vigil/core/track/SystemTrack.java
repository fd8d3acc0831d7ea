package org.vigil.core.track;

/**
 * One system track: the tracker's single estimate of one aircraft, fused from every sensor.
 *
 * <p>Pooled and reused by the {@link Tracker} (no allocation per track once the pool has grown):
 * a listener may read it during a callback but must not keep it. The track number is stable for
 * the track's life and never reused within a run. All kinematics refer to {@link #timeNanos()}
 * (the last update or prediction); {@link #xAt}/{@link #yAt} extrapolate.
 *
 * <p>Quality: covariance (via {@link #kinematics()}), age, update count, time since last update
 * (coasting), sensors heard and contributing now, and the ADS-B/radar disagreement state.
 */
public final class SystemTrack {
    public static final int ABSENT = Detection.ABSENT;
    /** Most sensors a tracker handles (contributing-sensor bit mask is a long). */
    public static final int MAX_SENSORS = 64;

    final int slot;
    final AreaProjection projection;
    final KinematicState kin;
    int trackNumber;
    TrackStatus status = TrackStatus.FREE;

    // altitude: 1-D constant-vertical-rate Kalman filter
    double altitude = Double.NaN;
    double verticalRate;
    double pAA;
    double pAR;
    double pRR;
    long altitudeTimeNanos = Long.MIN_VALUE;

    // identity
    int icao = ABSENT;
    long callsign;
    int mode3A = ABSENT;

    // sensors
    final long[] lastBySensor = new long[MAX_SENSORS];
    long sensorsNow;
    long sensorsEver;
    long lastRadarNanos = Long.MIN_VALUE;
    double lastRadarPeriodSeconds = 5;
    long lastReportNanos = Long.MIN_VALUE;
    boolean everSecondary;

    // quality and life cycle
    long firstNanos;
    long lastUpdateNanos;
    long deadlineNanos;
    int updates;
    int hits;
    /** Aerodrome (index in the tracker's terminal areas) whose terminal area the track is in, or -1. */
    int terminal = -1;
    /** ADS-B said the aircraft is on the surface: the track ends at the next sweep. */
    boolean groundReported;
    /** Existence probability (IPDA) of a track only primary radar has seen; 1 for the others. */
    double existence = 1;

    long lastUpdatedEventNanos = Long.MIN_VALUE;

    // ADS-B / radar disagreement
    int disagreementCount;
    boolean disagreement;
    double lastDisagreementChiSquare = Double.NaN;
    /** Distance of that report from the radar-supported predicted position, metres. */
    double lastDisagreementMetres = Double.NaN;

    // address sharing (two aircraft with one ICAO address): head of the report stream, last jump
    double streamX, streamY, jumpX, jumpY;
    long streamNanos = Long.MIN_VALUE;
    long jumpNanos = Long.MIN_VALUE;
    boolean sharedAddress;

    // tracker internals
    long batchStamp = -1;

    SystemTrack(int slot, AreaProjection projection, int maxModels) {
        this.slot = slot;
        this.projection = projection;
        this.kin = new KinematicState(maxModels);
        clear();
    }

    void clear() {
        status = TrackStatus.FREE;
        trackNumber = 0;
        altitude = Double.NaN;
        verticalRate = 0;
        pAA = pAR = pRR = 0;
        altitudeTimeNanos = Long.MIN_VALUE;
        icao = ABSENT;
        callsign = 0;
        mode3A = ABSENT;
        java.util.Arrays.fill(lastBySensor, Long.MIN_VALUE);
        sensorsNow = 0;
        sensorsEver = 0;
        lastRadarNanos = Long.MIN_VALUE;
        lastRadarPeriodSeconds = 5;
        lastReportNanos = Long.MIN_VALUE;
        everSecondary = false;
        firstNanos = 0;
        lastUpdateNanos = 0;
        deadlineNanos = 0;
        updates = 0;
        hits = 0;
        existence = 1;
        terminal = -1;
        groundReported = false;
        lastUpdatedEventNanos = Long.MIN_VALUE;
        disagreementCount = 0;
        disagreement = false;
        lastDisagreementChiSquare = Double.NaN;
        lastDisagreementMetres = Double.NaN;
        streamX = streamY = jumpX = jumpY = 0;
        streamNanos = Long.MIN_VALUE;
        jumpNanos = Long.MIN_VALUE;
        sharedAddress = false;
        batchStamp = -1;
    }

    public int trackNumber() {
        return trackNumber;
    }

    public TrackStatus status() {
        return status;
    }

    public boolean confirmed() {
        return status == TrackStatus.CONFIRMED;
    }

    /** Time the kinematic estimate refers to, ns. */
    public long timeNanos() {
        return kin.timeNanos;
    }

    /** Plane position (metres east/north of the area origin) at {@link #timeNanos()}. */
    public double x() {
        return kin.x();
    }

    public double y() {
        return kin.y();
    }

    /** Straight-line extrapolation of the plane position to {@code timeNanos}. */
    public double xAt(long timeNanos) {
        return kin.x() + kin.vx() * (timeNanos - kin.timeNanos) * 1e-9;
    }

    public double yAt(long timeNanos) {
        return kin.y() + kin.vy() * (timeNanos - kin.timeNanos) * 1e-9;
    }

    /** Latitude, degrees (computed from the plane position on each call; allocation-free). */
    public double latDeg() {
        projection.inverse(kin.x(), kin.y());
        return projection.latDeg;
    }

    public double lonDeg() {
        projection.inverse(kin.x(), kin.y());
        return projection.lonDeg;
    }

    /** Velocity east / north in the plane, m/s (grid axes; differs from true north by the convergence). */
    public double velocityEast() {
        return kin.vx();
    }

    public double velocityNorth() {
        return kin.vy();
    }

    public double groundSpeed() {
        return Math.hypot(kin.vx(), kin.vy());
    }

    /** Course over ground, degrees clockwise from grid north, [0, 360). */
    public double courseDeg() {
        double c = Math.toDegrees(Math.atan2(kin.vx(), kin.vy()));
        return c < 0 ? c + 360 : c;
    }

    /** Turn rate, rad/s (positive = left), from the IMM's combined estimate. */
    public double turnRate() {
        return kin.turnRate();
    }

    /** Barometric altitude, metres; NaN when never reported (primary-only). */
    public double altitude() {
        return altitude;
    }

    /** Vertical rate, m/s (0 when unknown). */
    public double verticalRate() {
        return verticalRate;
    }

    public int icao() {
        return icao;
    }

    public long callsign() {
        return callsign;
    }

    public int mode3A() {
        return mode3A;
    }

    /** Bit i set: the tracker's sensor index i contributed within its contributing window. */
    public long sensorsNow() {
        return sensorsNow;
    }

    /** Bit i set: sensor index i ever contributed. */
    public long sensorsEver() {
        return sensorsEver;
    }

    /** Last update time by sensor index, ns, or Long.MIN_VALUE. */
    public long lastUpdateBySensor(int sensorIndex) {
        return lastBySensor[sensorIndex];
    }

    /** Whether only primary radar has ever seen this track (no transponder: air-policing interest). */
    public boolean primaryOnly() {
        return !everSecondary;
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    /** Seconds since the first detection at {@code now}. */
    public double ageSeconds(long now) {
        return (now - firstNanos) * 1e-9;
    }

    /** Seconds without an update at {@code now}. */
    public double coastingSeconds(long now) {
        return (now - lastUpdateNanos) * 1e-9;
    }

    public int updates() {
        return updates;
    }

    /** Whether the track is low in an aerodrome's terminal area (landing, just airborne, on the ground). */
    public boolean inTerminalArea() {
        return terminal >= 0;
    }

    /** Existence probability of a tentative primary-only track (IPDA), 1 once confirmed or identified. */
    public double existence() {
        return existence;
    }

    /** One-sigma horizontal position error (root of the mean of the position variances), metres. */
    public double positionSigma() {
        return Math.sqrt(0.5 * (kin.cov(0, 0) + kin.cov(1, 1)));
    }

    /** The kinematic state (covariance, IMM model probabilities); read-only by contract. */
    public KinematicState kinematics() {
        return kin;
    }

    /** Two aircraft were seen using this track's ICAO address at once; the other one is tracked apart. */
    public boolean sharedAddress() {
        return sharedAddress;
    }

    /** ADS-B and radar disagree persistently (input for spoof detection). */
    public boolean disagreement() {
        return disagreement;
    }

    public int disagreementCount() {
        return disagreementCount;
    }

    /** Chi-square of the last ADS-B report against the radar-supported estimate, NaN if never tested. */
    public double lastDisagreementChiSquare() {
        return lastDisagreementChiSquare;
    }

    /**
     * Distance (metres) of the last ADS-B report tested from the radar-supported predicted position:
     * the measured spoof offset, NaN if never tested.
     */
    public double lastDisagreementMetres() {
        return lastDisagreementMetres;
    }

    @Override
    public String toString() {
        return "Track#" + trackNumber + "{" + status + " x=" + Math.round(kin.x()) + " y=" + Math.round(kin.y())
                + " v=" + Math.round(groundSpeed()) + " alt=" + Math.round(altitude)
                + (icao != ABSENT ? " icao=" + Integer.toHexString(icao) : "")
                + (mode3A != ABSENT ? " A" + Integer.toOctalString(mode3A) : "")
                + " upd=" + updates + (disagreement ? " DISAGREE" : "") + '}';
    }
}
