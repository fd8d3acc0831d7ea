package org.vigil.core.radar;

/**
 * Live state of one configured radar: time reference, measured rotation, last service messages,
 * operational state and counters.
 *
 * <p>Threads. Updated only by feed readers while they hold the shared delivery lock (so one writer
 * at a time, even when two feeds carry the same radar); read by anyone (status API). Every field is
 * volatile so readers see current values; a reader's view is not atomic across fields.
 */
public final class RadarStatus {
    /** North-marker intervals outside this band are gaps or duplicates, not a rotation period. */
    private static final double MIN_PERIOD_S = 0.5;

    private static final double MAX_PERIOD_S = 60;

    private final RadarSite site;

    private volatile long lastTimeNanos = TimeOfDay.UNKNOWN;
    private volatile long lastPlotNanos = TimeOfDay.UNKNOWN;
    private volatile long lastNorthMarkerNanos = TimeOfDay.UNKNOWN;
    private volatile long lastSectorNanos = TimeOfDay.UNKNOWN;
    private volatile double lastSectorDeg = Double.NaN;
    private volatile double measuredRotationPeriodSeconds = Double.NaN;
    private volatile OperationalState state = OperationalState.UNKNOWN;
    private volatile boolean rdpOverload;
    private volatile boolean transmissionOverload;
    private volatile boolean monitoringDisconnected;
    private volatile boolean timeSourceInvalid;
    private volatile long plots;
    private volatile long plotsRejected;
    private volatile long northMarkers;
    private volatile long sectorCrossings;
    private volatile long rdpResets;

    public RadarStatus(RadarSite site) {
        this.site = java.util.Objects.requireNonNull(site, "site");
    }

    public RadarSite site() {
        return site;
    }

    /** Last full timestamp resolved for this radar (plot or service message), {@link TimeOfDay#UNKNOWN} before any. */
    public long lastTimeNanos() {
        return lastTimeNanos;
    }

    public long lastPlotNanos() {
        return lastPlotNanos;
    }

    public long lastNorthMarkerNanos() {
        return lastNorthMarkerNanos;
    }

    public long lastSectorNanos() {
        return lastSectorNanos;
    }

    public double lastSectorDeg() {
        return lastSectorDeg;
    }
    /** Rotation period from I034/041 or from north-marker intervals; NaN until measured. */
    public double measuredRotationPeriodSeconds() {
        return measuredRotationPeriodSeconds;
    }
    /** Measured rotation period when known, else the configured one. */
    public double rotationPeriodSeconds() {
        double m = measuredRotationPeriodSeconds;
        return Double.isNaN(m) ? site.rotationPeriodSeconds() : m;
    }

    public OperationalState state() {
        return state;
    }

    public boolean rdpOverload() {
        return rdpOverload;
    }

    public boolean transmissionOverload() {
        return transmissionOverload;
    }

    public boolean monitoringDisconnected() {
        return monitoringDisconnected;
    }

    public boolean timeSourceInvalid() {
        return timeSourceInvalid;
    }

    public long plots() {
        return plots;
    }

    public long plotsRejected() {
        return plotsRejected;
    }

    public long northMarkers() {
        return northMarkers;
    }

    public long sectorCrossings() {
        return sectorCrossings;
    }
    /** Times the radar data processor reported a reset (its track numbers start over). */
    public long rdpResets() {
        return rdpResets;
    }

    // ---- writers (under the delivery lock)

    /** A resolved timestamp from this radar: becomes the reference for the next time of day. */
    public void timeSeen(long timeNanos) {
        if (timeNanos != TimeOfDay.UNKNOWN) lastTimeNanos = timeNanos;
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // writers hold the delivery lock; volatile only publishes to readers
    public void plotAccepted(long timeNanos) {
        plots++;
        lastPlotNanos = timeNanos;
        timeSeen(timeNanos);
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // writers hold the delivery lock; volatile only publishes to readers
    public void plotRejected() {
        plotsRejected++;
    }

    /**
     * A north marker at {@code timeNanos}; {@code reportedPeriodSeconds} from I034/041 when sent
     * (NaN otherwise). Without it, the interval since the previous north marker is the period,
     * when it is plausible (a lost marker doubles the interval and is ignored: above one nominal
     * period and a half it is not taken).
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // writers hold the delivery lock; volatile only publishes to readers
    public void northMarker(long timeNanos, double reportedPeriodSeconds) {
        long previous = lastNorthMarkerNanos;
        if (reportedPeriodSeconds > MIN_PERIOD_S && reportedPeriodSeconds < MAX_PERIOD_S) {
            measuredRotationPeriodSeconds = reportedPeriodSeconds;
        } else if (previous != TimeOfDay.UNKNOWN && timeNanos != TimeOfDay.UNKNOWN) {
            double interval = (timeNanos - previous) / 1e9;
            double nominal = rotationPeriodSeconds();
            if (interval > MIN_PERIOD_S && interval < MAX_PERIOD_S && interval < 1.5 * nominal) {
                measuredRotationPeriodSeconds = interval;
            }
        }
        northMarkers++;
        lastNorthMarkerNanos = timeNanos;
        timeSeen(timeNanos);
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // writers hold the delivery lock; volatile only publishes to readers
    public void sectorCrossing(long timeNanos, double sectorDeg) {
        sectorCrossings++;
        lastSectorNanos = timeNanos;
        lastSectorDeg = sectorDeg;
        timeSeen(timeNanos);
    }

    /**
     * I034/050 COM sub-field. Each argument is the bit's value, or negative when the bit was not sent
     * (then the state is not changed).
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // writers hold the delivery lock; volatile only publishes to readers
    public void systemStatus(
            int noGo,
            int rdpReset,
            int rdpOverload,
            int transmissionOverload,
            int monitoringDisconnected,
            int timeSourceInvalid) {
        if (noGo < 0) return;
        this.rdpOverload = rdpOverload == 1;
        this.transmissionOverload = transmissionOverload == 1;
        this.monitoringDisconnected = monitoringDisconnected == 1;
        this.timeSourceInvalid = timeSourceInvalid == 1;
        if (rdpReset == 1) rdpResets++;
        if (noGo != 0) state = OperationalState.NOGO;
        else if (rdpOverload == 1
                || transmissionOverload == 1
                || monitoringDisconnected == 1
                || timeSourceInvalid == 1) {
            state = OperationalState.DEGRADED;
        } else {
            state = OperationalState.OPERATIONAL;
        }
    }

    @Override
    public String toString() {
        return "RadarStatus{" + site.name() + " " + site.sensorId() + " " + state.label + " plots=" + plots + " north="
                + northMarkers + " period=" + rotationPeriodSeconds() + "s}";
    }
}
