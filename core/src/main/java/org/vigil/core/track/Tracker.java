package org.vigil.core.track;

/**
 * The multi-sensor tracker: radar plots and ADS-B/MLAT reports in, system tracks and life-cycle
 * events out. It only orchestrates; the work is done by the parts it is built from, along Stone
 * Soup's split: {@link Predictor} (with its {@link MotionModel}s), {@link Updater},
 * {@link MeasurementModel} (one per {@link MeasurementType}), {@link Hypothesiser},
 * {@link DataAssociator} (default {@link GnnAssociator}), {@link Initiator}, {@link Deleter}; and
 * Vigil's own: {@link AddressSharing} (ICAO / Mode 3/A fusion rules), {@link SensorRegistry},
 * {@link TrackPool} (the track set and its gating grid). See docs/TRACKING.md.
 *
 * <p>Processing, per detection handed to {@link #accept}:
 * <ol>
 * <li>Registration: the sensor's time offset is removed; (later) its range/azimuth biases.</li>
 * <li>Reordering: a bounded window ({@link TrackerConfig#reorderWindowSeconds}) sorts detections
 *   across sensors by time; anything older than what was released is refused as LATE.</li>
 * <li>Batching: consecutive plots of one radar within {@link TrackerConfig#batchSpanSeconds} form
 *   a batch (a sector of one scan: each aircraft at most once); an ADS-B/MLAT report is a batch of one.</li>
 * <li>Fusion rules per detection of a batch: a report or plot carrying an ICAO address held by a
 *   track joins that track directly. Every other detection is gated (chi-square on the innovation,
 *   altitude pre-gate, no pairing across different ICAO addresses, a penalty for a different
 *   Mode 3/A) against the tracks in the neighbouring grid cells, and the batch is assigned by global
 *   nearest neighbour (Hungarian per cluster). Primary-only plots thus update whatever track they
 *   gate with best, and form tracks of their own when nothing is near.</li>
 * <li>Update (Kalman / EKF, IMM), identity, altitude, contributing sensors, ADS-B/radar
 *   disagreement; or initiation of a tentative track for an unpaired detection.</li>
 * <li>Housekeeping every {@link TrackerConfig#sweepIntervalSeconds} of detection time: deletion
 *   by coasting limits, contributing-sensor expiry, grid refresh.</li>
 * </ol>
 *
 * <p>Time comes only from the detections (no wall clock). Deterministic: the same detections in the
 * same order give the same events. Single-threaded; allocation-free per detection once pools and
 * buffers have grown (tracks, detections, candidate arrays).
 */
public final class Tracker {
    private final TrackListener listener;
    private final AreaProjection projection;
    private final Predictor predictor;
    private final Updater updater;
    private final Hypothesiser hypothesiser;
    private final Initiator initiator;
    private final Deleter deleter;
    private final DataAssociator associator;
    private final ReorderBuffer reorder;
    private final SensorRegistry sensors;
    private final TrackPool pool;
    private final AddressSharing addresses = new AddressSharing();

    // configuration copied at construction
    private final double gate;
    private final double altitudeGate;
    private final long batchSpanNanos;
    private final double altitudeDensity;
    private final double altitudeSigma;
    private final double assumedHeightSigma;
    private final double contributingScans;
    private final long contributingReportNanos;
    private final double disagreementChiSquare;
    private final int disagreementPersistence;
    private final double radarSupportScans;
    private final long updateEventIntervalNanos;
    private final long sweepIntervalNanos;
    private final double outOfCoverMargin;
    private final double invFourR2;
    private final double manoeuvreAcceleration;
    private final double manoeuvreMaxSeconds;
    private final double maxSpeed;
    private final double maxLowSpeed;
    private final double lowAltitude;
    private final double maxClimb;
    private final double maxAcceleration;
    private final double confirmExistence;
    private final double dropExistence;
    private final double existencePd;
    private final double newTargetDensity;
    private final int fastPrimaryHits;
    private final ClutterMap clutter;
    private final TerminalAreas terminals;
    private final double terminalHeight;
    private final double terminalRadius;
    private LandingListener landings = (t, time, aerodrome) -> {};
    private long manoeuvreUpdates;
    private long gateEvaluations;
    private int nextTrackNumber = 1;

    // batch
    private Detection[] batch = new Detection[64];
    private int batchSize;
    private int batchSensor = -1;
    private long batchStart;
    private long batchStamp;
    private int[] direct = new int[64];
    private long[] candStamp = new long[256];
    private long candEpoch;
    private int[] assigned = new int[64];
    private boolean[] manoeuvre = new boolean[64];
    private int[] localOf = new int[256];
    private int[] localSlots = new int[64];
    private int[] pairTrack = new int[256];
    private int[] pairDet = new int[256];
    private double[] pairCost = new double[256];

    // scratch
    private final KinematicState scratch;
    /** The state before an update, restored when the update breaks a physical limit. */
    private final KinematicState undo;

    private final Measurement measurement = new Measurement();
    private final double[] planeCov = new double[3];
    private final long[] rejections = new long[Rejection.values().length];
    private long lastSweep = Long.MIN_VALUE;
    private long now = Long.MIN_VALUE;
    private long processed;

    public Tracker(TrackerConfig config, TrackListener listener) {
        this(
                config,
                listener,
                defaultPredictor(config),
                new KalmanUpdater(),
                null,
                new GnnAssociator(),
                null,
                new CoastingDeleter(
                        config.radarCoastScans,
                        config.reportCoastSeconds,
                        config.tentativeCoastScans,
                        config.tentativeReportCoastSeconds));
    }

    /**
     * A tracker with swapped parts. {@code hypothesiser} null means the Mahalanobis χ² gate of the
     * configuration on {@code updater}; {@code associator} null means {@link GnnAssociator};
     * {@code initiator} null means the M-of-N initiator of the configuration on {@code predictor}.
     */
    public Tracker(
            TrackerConfig c,
            TrackListener listener,
            Predictor predictor,
            Updater updater,
            Hypothesiser hypothesiser,
            DataAssociator associator,
            Initiator initiator,
            Deleter deleter) {
        this.listener = listener == null ? new TrackListener() {} : listener;
        this.projection = new AreaProjection(c.originLatDeg, c.originLonDeg);
        this.predictor = predictor;
        this.updater = updater;
        this.hypothesiser = hypothesiser != null
                ? hypothesiser
                : new MahalanobisHypothesiser(updater, c.gateChiSquare, c.squawkMismatchPenalty, c.tentativePenalty);
        this.initiator = initiator != null
                ? initiator
                : new MofNInitiator(
                        predictor,
                        c.initialVelocitySigma,
                        c.initialTurnRateSigma,
                        c.radarConfirmM,
                        c.radarConfirmN,
                        c.reportConfirmM,
                        c.reportConfirmN,
                        c.primaryConfirmM,
                        c.primaryConfirmN);
        this.associator = associator != null ? associator : new GnnAssociator();
        this.deleter = deleter;
        this.reorder = new ReorderBuffer((long) (c.reorderWindowSeconds * 1e9));
        this.sensors = new SensorRegistry(projection);
        this.pool = new TrackPool(projection, predictor.models(), c.gridCellMetres);
        this.gate = this.hypothesiser.gate();
        this.altitudeGate = c.altitudeGateMetres;
        this.batchSpanNanos = (long) (c.batchSpanSeconds * 1e9);
        this.altitudeDensity = c.altitudeDensity;
        this.altitudeSigma = c.altitudeSigmaMetres;
        this.assumedHeightSigma = c.assumedHeightSigmaMetres;
        this.contributingScans = c.contributingScans;
        this.contributingReportNanos = (long) (c.contributingReportSeconds * 1e9);
        this.disagreementChiSquare = c.disagreementChiSquare;
        this.disagreementPersistence = c.disagreementPersistence;
        this.radarSupportScans = c.radarSupportScans;
        this.updateEventIntervalNanos = (long) (c.updateEventIntervalSeconds * 1e9);
        this.sweepIntervalNanos = (long) (c.sweepIntervalSeconds * 1e9);
        this.outOfCoverMargin = c.outOfCoverMarginMetres;
        this.manoeuvreAcceleration = c.manoeuvreAcceleration;
        this.manoeuvreMaxSeconds = c.manoeuvreMaxSeconds;
        this.scratch = new KinematicState(predictor.models());
        this.undo = new KinematicState(predictor.models());
        this.maxSpeed = c.maxSpeedMetresPerSecond;
        this.maxLowSpeed = c.maxLowSpeedMetresPerSecond;
        this.lowAltitude = c.lowAltitudeMetres;
        this.maxClimb = c.maxClimbMetresPerSecond;
        this.maxAcceleration = c.maxAccelerationMetresPerSecond2;
        this.confirmExistence = c.confirmExistence;
        this.dropExistence = c.dropExistence;
        this.existencePd = c.existenceDetectionProbability;
        this.newTargetDensity = c.newTargetDensity;
        this.fastPrimaryHits = c.fastPrimaryConfirmHits;
        this.terminals = new TerminalAreas(projection);
        this.terminalHeight = c.terminalHeightMetres;
        this.terminalRadius = c.terminalRadiusMetres;
        this.clutter = new ClutterMap(
                c.clutterRangeCells,
                c.clutterAzimuthCells,
                c.clutterMaxRangeMetres,
                c.clutterMemorySeconds,
                c.clutterDensityFloor);
        double r = projection.sphereRadius();
        this.invFourR2 = 1 / (4 * r * r);
    }

    /** The predictor selected by {@link TrackerConfig#motion}. */
    public static Predictor defaultPredictor(TrackerConfig c) {
        if (c.motion == null) throw new IllegalArgumentException("motion must be imm or cv");
        return switch (c.motion) {
            case CV -> new ModelPredictor(new ConstantVelocity(c.cvDensity));
            case IMM -> ImmPredictor.cvCt(c.immCvDensity, c.immCtDensity, c.immTurnDensity);
        };
    }

    // ------------------------------------------------------------------ configuration

    /** Registers a sensor; returns its dense index (bit in {@link SystemTrack#sensorsNow()}). */
    public int addSensor(SensorConfig s) {
        return sensors.add(s);
    }

    public int sensorIndex(int sensorId) {
        return sensors.indexOf(sensorId);
    }

    public SensorConfig sensor(int index) {
        return sensors.get(index);
    }

    public AreaProjection projection() {
        return projection;
    }

    /**
     * Adds an aerodrome for the terminal-area rules (before the first detection): ICAO location
     * indicator, WGS-84 position, elevation in metres (NaN: 0).
     */
    public void addAerodrome(String icao, double latDeg, double lonDeg, double elevationMetres) {
        terminals.add(icao, latDeg, lonDeg, elevationMetres);
    }

    /** Aerodromes known for the terminal-area rules. */
    public int aerodromes() {
        return terminals.size();
    }

    /** The aerodrome whose terminal area the track is in, or null. */
    public String terminalAerodrome(SystemTrack t) {
        return t.terminal >= 0 ? terminals.ident(t.terminal) : null;
    }

    /**
     * ADS-B surface position (or air/ground state "on ground") of {@code icao} at {@code timeNanos}:
     * the aircraft is on the ground, so its airborne track is not flown on. The track ends at the
     * next sweep, reported landed when it is at a known aerodrome. Returns false when no track
     * holds the address.
     */
    public boolean reportedOnGround(int icao, long timeNanos) {
        SystemTrack t = trackByIcao(icao);
        if (t == null) return false;
        int a = terminals.nearest(t.kin.x(), t.kin.y(), terminalRadius);
        if (a >= 0) t.terminal = a;
        t.groundReported = true;
        t.deadlineNanos = Math.min(t.deadlineNanos, timeNanos);
        return true;
    }

    /** Hears of confirmed tracks that ended on the way down in a terminal area (one listener; null: none). */
    public void setLandingListener(LandingListener l) {
        landings = l != null ? l : (t, time, aerodrome) -> {};
    }

    // ------------------------------------------------------------------ input

    /**
     * Hands one detection to the tracker (copied; the caller may reuse {@code d}). Processing
     * happens when the reordering window has passed it. Returns false if refused (counted).
     */
    public boolean accept(Detection d) {
        if (d.timeNanos == Long.MIN_VALUE) return reject(Rejection.BAD_MEASUREMENT);
        int idx = sensors.indexOf(d.sensorId);
        if (idx < 0) {
            idx = registerOnTheFly(d);
            if (idx < 0) return false;
        }
        SensorConfig s = sensors.get(idx);
        long t = d.timeNanos - s.timeOffsetNanos();
        if (!reorder.offer(d, t)) return reject(Rejection.LATE);
        drain(false);
        return true;
    }

    /** Moves detection time forward without a detection (quiet feeds), releasing and sweeping. */
    public void advance(long timeNanos) {
        reorder.advance(timeNanos);
        drain(false);
        if (timeNanos > now) {
            processBatch();
            now = timeNanos;
            maybeSweep(timeNanos);
        }
    }

    /** Processes everything still held (end of a recording). Tracks are not deleted by this. */
    public void flush() {
        drain(true);
        processBatch();
    }

    private int registerOnTheFly(Detection d) {
        if (sensors.full()) {
            reject(Rejection.TOO_MANY_SENSORS);
            return -1;
        }
        if (d.kind == SensorKind.RADAR) {
            if (!(d.sensorLatDeg >= -90 && d.sensorLatDeg <= 90)
                    || !(d.sensorLonDeg >= -180 && d.sensorLonDeg <= 180)) {
                reject(Rejection.UNKNOWN_SENSOR);
                return -1;
            }
            double h = d.sensorHeightMetres > -500 && d.sensorHeightMetres < 10_000 ? d.sensorHeightMetres : 0;
            // defaults (a typical en-route radar, 5 s) unless the plot states plausible accuracies
            double rs = d.rangeSigmaMetres >= 0.5 && d.rangeSigmaMetres <= 10_000 ? d.rangeSigmaMetres : 70;
            double as = d.azimuthSigmaRad >= 1e-6 && d.azimuthSigmaRad <= 0.1 ? d.azimuthSigmaRad : Math.toRadians(0.1);
            return addSensor(SensorConfig.radar(
                    d.sensorId, "radar " + d.sensorId, d.sensorLatDeg, d.sensorLonDeg, h, 5, rs, as));
        }
        return addSensor(SensorConfig.reports(d.sensorId, d.kind, d.kind + " " + d.sensorId));
    }

    private boolean reject(Rejection r) {
        rejections[r.ordinal()]++;
        return false;
    }

    private void drain(boolean all) {
        Detection d;
        while ((d = all ? reorder.poll() : reorder.pollReady()) != null) {
            process(d);
        }
    }

    // ------------------------------------------------------------------ processing

    private void process(Detection d) {
        int idx = sensors.indexOf(d.sensorId);
        d.sensorIndex = idx;
        if (!locate(d, sensors.get(idx))) {
            reject(Rejection.BAD_MEASUREMENT);
            reorder.recycle(d);
            return;
        }
        boolean radar = d.kind == SensorKind.RADAR;
        if (batchSize > 0 && (!radar || idx != batchSensor || d.timeNanos - batchStart > batchSpanNanos))
            processBatch();
        if (d.timeNanos > now) now = d.timeNanos;
        maybeSweep(d.timeNanos);
        if (batchSize == batch.length) batch = java.util.Arrays.copyOf(batch, batchSize * 2);
        if (batchSize == 0) {
            batchSensor = idx;
            batchStart = d.timeNanos;
        }
        batch[batchSize++] = d;
        if (!radar) processBatch();
    }

    private void maybeSweep(long time) {
        if (lastSweep == Long.MIN_VALUE) {
            lastSweep = time;
            return;
        }
        if (time - lastSweep >= sweepIntervalNanos) {
            processBatch();
            sweep(time);
            lastSweep = time;
        }
    }

    /** Lowest and highest altitude taken from a detection, metres (Dead Sea to well above FL600). */
    private static final double MIN_ALTITUDE = -500;

    private static final double MAX_ALTITUDE = 30_000;

    /** Fills the detection's plane position (for gating and initiation); false if unusable. */
    private boolean locate(Detection d, SensorConfig s) {
        if (!Double.isNaN(d.altitudeMetres)
                && !(d.altitudeMetres >= MIN_ALTITUDE && d.altitudeMetres <= MAX_ALTITUDE)) {
            d.altitudeMetres = Double.NaN;
            reject(Rejection.FIELD_IGNORED);
        }
        if (d.icao != Detection.ABSENT && (d.icao < 0 || d.icao > 0xFFFFFF)) {
            d.icao = Detection.ABSENT;
            reject(Rejection.FIELD_IGNORED);
        }
        if (d.mode3A != Detection.ABSENT && (d.mode3A < 0 || d.mode3A > 07777)) {
            d.mode3A = Detection.ABSENT;
            reject(Rejection.FIELD_IGNORED);
        }
        if (!Double.isNaN(d.rangeSigmaMetres) && !(d.rangeSigmaMetres >= 0.5 && d.rangeSigmaMetres <= 10_000)) {
            d.rangeSigmaMetres = Double.NaN; // the radar's configured sigma applies
            reject(Rejection.FIELD_IGNORED);
        }
        if (!Double.isNaN(d.azimuthSigmaRad) && !(d.azimuthSigmaRad >= 1e-6 && d.azimuthSigmaRad <= 0.1)) {
            d.azimuthSigmaRad = Double.NaN;
            reject(Rejection.FIELD_IGNORED);
        }
        if (d.kind == SensorKind.RADAR) {
            double rho = d.rangeMetres - s.rangeBiasMetres();
            double az = d.azimuthRad - s.azimuthBiasRad();
            if (!(rho > 0) || Double.isInfinite(rho) || Double.isNaN(az) || Double.isInfinite(az)) return false;
            double h = Double.isNaN(d.altitudeMetres) ? s.assumedHeightMetres() : d.altitudeMetres;
            double g = SlantRange.toGround(rho, s.heightMetres(), h, projection.sphereRadius());
            int i = d.sensorIndex;
            double rx = sensors.x(i);
            double ry = sensors.y(i);
            double a = az + sensors.convergence(i);
            double sx = Math.sin(a);
            double cx = Math.cos(a);
            double x = rx + g * sx;
            double y = ry + g * cx;
            // the plane stretches distances by the projection scale: one fixed-point step suffices
            measurement.rx = rx;
            measurement.ry = ry;
            measurement.invFourR2 = invFourR2;
            double k = measurement.meanScale(x, y);
            d.x = rx + k * g * sx;
            d.y = ry + k * g * cx;
            // beyond 2,000 km no radar sees anything: garbage range
            return rho < 2_000_000;
        }
        // a position sigma outside [0.5 m, 50 km] is not an accuracy anyone can state (NACp 1 is 7.6 km)
        if (!(d.latDeg >= -90 && d.latDeg <= 90)
                || !(d.lonDeg >= -180 && d.lonDeg <= 180)
                || !(d.horizontalSigmaMetres >= 0.5 && d.horizontalSigmaMetres <= 50_000)) {
            return false;
        }
        projection.forward(d.latDeg, d.lonDeg);
        d.x = projection.x;
        d.y = projection.y;
        return true;
    }

    /**
     * Fills {@link #measurement} for detection {@code d}, using {@code trackAltitude} (may be NaN)
     * for the slant-to-ground conversion when the plot has no Mode C.
     */
    private void measure(Detection d, double trackAltitude) {
        if (d.kind != SensorKind.RADAR) {
            measurement.position(d.x, d.y, d.horizontalSigmaMetres);
            return;
        }
        int i = d.sensorIndex;
        SensorConfig s = sensors.get(i);
        double rho = d.rangeMetres - s.rangeBiasMetres();
        double az = d.azimuthRad - s.azimuthBiasRad();
        double h;
        double hSigma;
        if (!Double.isNaN(d.altitudeMetres)) {
            h = d.altitudeMetres;
            hSigma = altitudeSigma;
        } else if (!Double.isNaN(trackAltitude)) {
            h = trackAltitude;
            hSigma = 4 * altitudeSigma;
        } else {
            h = s.assumedHeightMetres();
            hSigma = assumedHeightSigma;
        }
        RadarMeasurementModel.measure(
                measurement,
                rho,
                az,
                h,
                hSigma,
                s,
                d.rangeSigmaMetres,
                d.azimuthSigmaRad,
                sensors.x(i),
                sensors.y(i),
                sensors.convergence(i),
                projection.sphereRadius(),
                invFourR2);
    }

    private void processBatch() {
        int n = batchSize;
        if (n == 0) return;
        batchStamp++;
        if (direct.length < n) {
            direct = new int[Math.max(n, direct.length * 2)];
            assigned = new int[direct.length];
            manoeuvre = new boolean[direct.length];
        }
        // 1. direct joins by ICAO address
        for (int i = 0; i < n; i++) {
            assigned[i] = -1;
            manoeuvre[i] = false;
            // the address's track, -1, or REDUNDANT: its aircraft already had its plot in this batch
            int slot = addresses.join(batch[i], pool, batchStamp);
            direct[i] = slot;
            if (slot >= 0) {
                assigned[i] = slot;
                pool.get(slot).batchStamp = batchStamp;
            }
        }
        // 2. gating of the rest against grid candidates, global nearest neighbour
        associate(n, false);
        // 3. manoeuvre gate: detections left over against confirmed tracks left over, with the
        //    prediction widened by a possible manoeuvre since the track's last update
        boolean leftover = false;
        for (int i = 0; i < n && !leftover; i++) leftover = assigned[i] < 0;
        if (leftover) associate(n, true);
        // 4. updates and initiations in detection order
        for (int i = 0; i < n; i++) {
            Detection d = batch[i];
            if (assigned[i] >= 0) {
                update(pool.get(assigned[i]), d, direct[i] >= 0, manoeuvre[i]);
                processed++;
            } else if (direct[i] == AddressSharing.REDUNDANT || addresses.redundantSquawk(d, pool, batchStamp)) {
                reject(Rejection.REDUNDANT);
            } else {
                initiate(d);
                processed++;
            }
        }
        for (int i = 0; i < n; i++) {
            reorder.recycle(batch[i]);
            batch[i] = null;
        }
        batchSize = 0;
        batchSensor = -1;
    }

    /**
     * One association pass over the batch's unassigned detections: gate against grid candidates
     * not yet taken in this batch, solve GNN, record pairs in {@link #assigned} and mark the tracks.
     * The manoeuvre pass only considers confirmed tracks and widens their prediction.
     */
    private void associate(int n, boolean manoeuvrePass) {
        candEpoch++;
        int nLocal = 0;
        int np = 0;
        for (int i = 0; i < n; i++) {
            if (assigned[i] >= 0) continue;
            Detection d = batch[i];
            int nc = pool.gatherNear(d.x, d.y);
            double rTrace = measurementTraceBound(d);
            for (int c = 0; c < nc; c++) {
                int slot = pool.near(c);
                SystemTrack t = pool.get(slot);
                if (t.batchStamp == batchStamp) continue; // already paired in this batch
                // tracks low at an aerodrome are not flown on: no widened gate for them
                if (manoeuvrePass && (t.status != TrackStatus.CONFIRMED || t.terminal >= 0)) continue;
                if (!compatible(t, d)) continue;
                if (t.status == TrackStatus.TENTATIVE && !initiationPlausible(t, d, rTrace)) continue;
                if (slot < candStamp.length && candStamp[slot] == candEpoch && alreadyPaired(localOf[slot], i, np))
                    continue;
                if (!plausible(t, d, manoeuvrePass, rTrace)) continue;
                gateEvaluations++;
                scratch.copyFrom(t.kin);
                predictor.predict(scratch, d.timeNanos);
                if (manoeuvrePass) widen(scratch, d.timeNanos - t.lastUpdateNanos);
                measure(d, t.altitude);
                double cost = hypothesiser.cost(t, d, scratch, measurement);
                if (Double.isNaN(cost)) continue;
                if (slot >= candStamp.length) {
                    candStamp = java.util.Arrays.copyOf(candStamp, Math.max(slot + 1, candStamp.length * 2));
                    localOf = java.util.Arrays.copyOf(localOf, candStamp.length);
                }
                if (candStamp[slot] != candEpoch) {
                    candStamp[slot] = candEpoch;
                    if (nLocal == localSlots.length) localSlots = java.util.Arrays.copyOf(localSlots, nLocal * 2);
                    localOf[slot] = nLocal;
                    localSlots[nLocal++] = slot;
                }
                if (np == pairTrack.length) {
                    pairTrack = java.util.Arrays.copyOf(pairTrack, np * 2);
                    pairDet = java.util.Arrays.copyOf(pairDet, np * 2);
                    pairCost = java.util.Arrays.copyOf(pairCost, np * 2);
                }
                pairTrack[np] = localOf[slot];
                pairDet[np] = i;
                pairCost[np] = cost;
                np++;
            }
        }
        if (np == 0) return;
        associator.begin(nLocal, n, hypothesiser.missCost());
        for (int k = 0; k < np; k++) associator.addPair(pairTrack[k], pairDet[k], pairCost[k]);
        associator.solve();
        for (int i = 0; i < n; i++) {
            if (assigned[i] >= 0) continue;
            int local = associator.trackOf(i);
            if (local < 0) continue;
            int slot = localSlots[local];
            assigned[i] = slot;
            manoeuvre[i] = manoeuvrePass;
            pool.get(slot).batchStamp = batchStamp;
        }
    }

    /**
     * Upper bound of the trace of the detection's noise covariance in plane coordinates, taking
     * the worst height assumption for radar plots without Mode C.
     */
    private double measurementTraceBound(Detection d) {
        measure(d, Double.NaN);
        if (measurement.type() == MeasurementType.POSITION) return measurement.r00 + measurement.r11;
        return measurement.r00 + measurement.z0 * measurement.z0 * measurement.r11;
    }

    /**
     * Cheap necessary condition for passing the gate, so that only plausible pairs pay for a full
     * IMM prediction: the straight-line miss distance, less the curvature a turn could explain,
     * must be within the gate of a generous bound on the predicted trace of S (position and
     * velocity covariance grown over dt, a 3 g-class manoeuvre, the measurement noise), with a
     * factor 2 for the linearisation. Never rejects a pair the full gate would accept unless the
     * motion model's noise exceeds {@link #PREGATE_DENSITY} m²/s³.
     */
    private boolean plausible(SystemTrack t, Detection d, boolean manoeuvrePass, double rTrace) {
        KinematicState k = t.kin;
        double dt = Math.max(0, (d.timeNanos - k.timeNanos) * 1e-9);
        double[] c = k.combinedCov;
        int n = KinematicState.DIM;
        double vx = k.combined[KinematicState.IVX];
        double vy = k.combined[KinematicState.IVY];
        double ex = d.x - (k.combined[KinematicState.IX] + vx * dt);
        double ey = d.y - (k.combined[KinematicState.IY] + vy * dt);
        double speed = Math.hypot(vx, vy);
        double bend = 0.5 * speed * Math.abs(k.combined[KinematicState.IW]) * dt * dt;
        double miss = Math.max(0, Math.sqrt(ex * ex + ey * ey) - bend);
        double dt2 = dt * dt;
        double a = manoeuvreAcceleration;
        double v = c[0]
                + c[n + 1]
                + 2 * dt * (Math.abs(c[2]) + Math.abs(c[n + 3]))
                + dt2 * (c[2 * n + 2] + c[3 * n + 3])
                + 2 * (0.5 * speed * dt2) * (0.5 * speed * dt2) * c[4 * n + 4]
                + 2 * PREGATE_DENSITY * dt2 * dt / 3
                + 2 * (0.5 * a * dt2) * (0.5 * a * dt2)
                + rTrace;
        if (manoeuvrePass) {
            double w = Math.min(manoeuvreMaxSeconds, Math.max(0, (d.timeNanos - t.lastUpdateNanos) * 1e-9));
            v += 2 * (0.5 * a * w * w) * (0.5 * a * w * w) + 2 * a * a * w * w * dt2;
        }
        return miss * miss <= 2 * gate * v;
    }

    /** Largest process-noise density the pre-gate allows for (m²/s³). */
    private static final double PREGATE_DENSITY = 50;

    /** Fusion-rule compatibility of a detection with a track, before any kinematics. */
    private boolean compatible(SystemTrack t, Detection d) {
        if (AddressSharing.differentAircraft(t, d)) return false;
        // low at an aerodrome, where ground clutter is densest, a transponder track takes no primary-only plot
        if (t.terminal >= 0 && t.everSecondary && !d.secondary()) return false;
        if (!Double.isNaN(d.altitudeMetres) && !Double.isNaN(t.altitude))
            return altitudeFits(t, d.altitudeMetres, d.timeNanos);
        return true;
    }

    /** A measured altitude within the track's altitude gate (its predicted altitude, 3 sigma plus the gate). */
    private boolean altitudeFits(SystemTrack t, double altitude, long time) {
        double pa = AltitudeFilter.predicted(t, time);
        double va = AltitudeFilter.predictedVariance(t, time, altitudeDensity) + altitudeSigma * altitudeSigma;
        return Math.abs(altitude - pa) <= altitudeGate + 3 * Math.sqrt(va);
    }

    /** Highest ground speed a track may show at this altitude (NaN: unknown), m/s. */
    private double speedLimit(double altitude) {
        return !Double.isNaN(altitude) && altitude < lowAltitude ? maxLowSpeed : maxSpeed;
    }

    /**
     * Kinematic plausibility of a plot for a tentative track (a few plots, one of which may be
     * clutter): the mean speed, the change of velocity and the climb it implies since the track's
     * last plot must be within the physical limits, allowing 3 sigma of the position errors.
     */
    private boolean initiationPlausible(SystemTrack t, Detection d, double rTrace) {
        KinematicState k = t.kin;
        double dt = (d.timeNanos - k.timeNanos) * 1e-9;
        if (!(dt > 0.1)) return true;
        double altitude = Double.isNaN(d.altitudeMetres) ? t.altitude : d.altitudeMetres;
        if (!Double.isNaN(d.altitudeMetres)
                && !Double.isNaN(t.altitude)
                && Math.abs(d.altitudeMetres - t.altitude) > maxClimb * dt + 6 * altitudeSigma) return false;
        double ex = d.x - k.x();
        double ey = d.y - k.y();
        double posSigma = Math.sqrt(rTrace + k.cov(0, 0) + k.cov(1, 1));
        double slack = 3 * posSigma / dt;
        double vx = ex / dt;
        double vy = ey / dt;
        if (Math.hypot(vx, vy) - slack > speedLimit(altitude)) return false;
        if (t.hits < 2) return true;
        double velSigma = Math.sqrt(k.cov(2, 2) + k.cov(3, 3));
        return Math.hypot(vx - k.vx(), vy - k.vy()) <= maxAcceleration * dt + slack + 3 * velSigma;
    }

    /**
     * Widens every model slot for an unmodelled manoeuvre: a constant acceleration of up to
     * {@link TrackerConfig#manoeuvreAcceleration} per axis over the time since the last update
     * (capped), i.e. Q = a² [[dt⁴/4, dt³/2], [dt³/2, dt²]] per axis, and resets the model
     * probabilities to uniform so that the IMM re-decides which model fits.
     */
    private void widen(KinematicState s, long sinceUpdateNanos) {
        double dt = Math.min(manoeuvreMaxSeconds, Math.max(0, sinceUpdateNanos * 1e-9));
        double a2 = manoeuvreAcceleration * manoeuvreAcceleration;
        double pp = a2 * dt * dt * dt * dt / 4;
        double pv = a2 * dt * dt * dt / 2;
        double vv = a2 * dt * dt;
        int dim = KinematicState.DIM;
        for (int m = 0; m < s.models; m++) {
            int c0 = m * dim * dim;
            for (int axis = 0; axis < 2; axis++) {
                int ip = axis;
                int iv = axis + 2;
                s.cov[c0 + ip * dim + ip] += pp;
                s.cov[c0 + ip * dim + iv] += pv;
                s.cov[c0 + iv * dim + ip] += pv;
                s.cov[c0 + iv * dim + iv] += vv;
            }
            s.mu[m] = 1.0 / s.models;
        }
        s.combine();
    }

    private boolean alreadyPaired(int local, int det, int np) {
        for (int k = np - 1; k >= 0 && pairDet[k] == det; k--) {
            if (pairTrack[k] == local) return true;
        }
        return false;
    }

    private void update(SystemTrack t, Detection d, boolean directJoin, boolean manoeuvring) {
        long time = d.timeNanos;
        SensorConfig s = sensors.get(d.sensorIndex);
        boolean report = d.kind != SensorKind.RADAR;
        predictor.predict(t.kin, time);
        if (manoeuvring) {
            widen(t.kin, time - t.lastUpdateNanos);
            manoeuvreUpdates++;
        }
        measure(d, t.altitude);
        double d2 = updater.mahalanobis(t.kin, measurement);
        boolean radarSupported = t.lastRadarNanos != Long.MIN_VALUE
                && time - t.lastRadarNanos <= (long) (radarSupportScans * t.lastRadarPeriodSeconds * 1e9);
        boolean useKinematics = true;
        boolean reinitialise = false;
        if (report && radarSupported && t.status == TrackStatus.CONFIRMED) {
            boolean disagrees = !(d2 <= disagreementChiSquare);
            t.lastDisagreementChiSquare = d2;
            t.lastDisagreementMetres = Math.hypot(d.x - t.kin.x(), d.y - t.kin.y());
            noteAgreement(t, disagrees, time);
            if (disagrees) {
                useKinematics = false;
                reject(Rejection.DISAGREEING_REPORT);
            }
        } else if (directJoin && !(d2 <= gate)) {
            // The address says "same aircraft" but the position is far off: start the kinematics
            // again from this detection. Radar is the physical measurement: when it contradicts an
            // ADS-B-only track, that is a disagreement too.
            reinitialise = true;
            if (!report && t.lastReportNanos != Long.MIN_VALUE && !radarSupported) {
                t.lastDisagreementChiSquare = d2;
                t.lastDisagreementMetres = Math.hypot(d.x - t.kin.x(), d.y - t.kin.y());
                noteAgreement(t, true, time);
            }
        }
        boolean primaryTentative = t.status == TrackStatus.TENTATIVE && !report && t.primaryOnly() && !d.secondary();
        if (primaryTentative && useKinematics && !reinitialise) {
            // existence: the scans missed since the last plot, then this plot against the cell's clutter
            double period = s.scanPeriodSeconds();
            int misses = (int) Math.max(0, Math.round((time - t.lastUpdateNanos) * 1e-9 / period) - 1);
            double lambda = clutter.density(d.sensorIndex, d.rangeMetres, d.azimuthRad, period, time);
            t.existence = TrackExistence.hit(
                    TrackExistence.missed(t.existence, misses, existencePd),
                    d2,
                    updater.lastLogDetS(),
                    lambda,
                    existencePd);
        } else if (d.secondary()) {
            t.existence = 1;
        }
        boolean restarted = false;
        if (reinitialise) {
            reinitialiseKinematics(t, d);
        } else if (useKinematics) {
            undo.copyFrom(t.kin);
            if (!updater.update(t.kin, measurement)) {
                reject(Rejection.DEGENERATE_UPDATE);
                useKinematics = false;
            } else if (Math.hypot(t.kin.vx(), t.kin.vy())
                    > speedLimit(Double.isNaN(d.altitudeMetres) ? t.altitude : d.altitudeMetres)) {
                // beyond a physical limit: this plot was not this aircraft's
                t.kin.copyFrom(undo);
                reject(Rejection.IMPLAUSIBLE_MOTION);
                if (t.status == TrackStatus.TENTATIVE) {
                    restart(t, d);
                    restarted = true;
                } else {
                    useKinematics = false;
                }
            }
        }
        if (useKinematics) {
            t.lastUpdateNanos = time;
            t.updates++;
            if (report) {
                t.lastReportNanos = time;
            } else {
                t.lastRadarNanos = time;
                t.lastRadarPeriodSeconds = s.scanPeriodSeconds();
            }
            if (!Double.isNaN(d.altitudeMetres) && !restarted) {
                if (Double.isNaN(t.altitude)) AltitudeFilter.start(t, time, d.altitudeMetres, altitudeSigma, 15);
                else AltitudeFilter.update(t, time, d.altitudeMetres, altitudeSigma, altitudeDensity);
            }
            noteTerminal(t);
        }
        noteSensor(t, d, time);
        boolean idChanged = addresses.noteIdentity(t, d);
        if (t.status == TrackStatus.TENTATIVE) {
            if (useKinematics && !restarted) {
                Initiator.Verdict verdict = initiator.onHit(t, d.kind, s.scanPeriodSeconds(), time);
                if (primaryTentative) {
                    if (t.existence < dropExistence) {
                        verdict = Initiator.Verdict.FAIL;
                    } else if (t.groundSpeed() > maxLowSpeed) {
                        // fast with no transponder: more plots, at most one scan missed (TrackerConfig)
                        long looks = 1 + Math.round((time - t.firstNanos) * 1e-9 / s.scanPeriodSeconds());
                        if (t.hits < looks - 1) verdict = Initiator.Verdict.FAIL;
                        else if (t.hits >= fastPrimaryHits && t.existence >= confirmExistence)
                            verdict = Initiator.Verdict.CONFIRM;
                        else verdict = Initiator.Verdict.KEEP;
                    } else if (verdict == Initiator.Verdict.CONFIRM && t.existence < confirmExistence) {
                        verdict = Initiator.Verdict.KEEP;
                    }
                }
                // never confirmed beyond the physical limits (a track that needs a clutter plot to get there)
                if (verdict == Initiator.Verdict.CONFIRM && t.groundSpeed() > speedLimit(t.altitude))
                    verdict = Initiator.Verdict.KEEP;
                if (verdict == Initiator.Verdict.CONFIRM) {
                    t.status = TrackStatus.CONFIRMED;
                    t.lastUpdatedEventNanos = time;
                    listener.confirmed(t, time);
                } else if (verdict == Initiator.Verdict.FAIL) {
                    delete(t, time);
                    return;
                }
            }
        } else {
            if (idChanged) listener.identifiersChanged(t, time);
            if (useKinematics
                    && (updateEventIntervalNanos == 0 || time - t.lastUpdatedEventNanos >= updateEventIntervalNanos)) {
                t.lastUpdatedEventNanos = time;
                listener.updated(t, time);
            }
        }
        t.deadlineNanos = t.groundReported ? Math.min(time, deleter.deadline(t)) : deleter.deadline(t);
        pool.place(t, t.kin.x(), t.kin.y());
    }

    /** Whether the track is low in an aerodrome's terminal area now (Mode C against the elevation). */
    private void noteTerminal(SystemTrack t) {
        double alt = t.altitude;
        if (Double.isNaN(alt) || alt > terminals.highestElevation() + terminalHeight) {
            t.terminal = -1;
            return;
        }
        int a = terminals.nearest(t.kin.x(), t.kin.y(), terminalRadius);
        t.terminal = a >= 0 && alt - terminals.elevationMetres(a) < terminalHeight ? a : -1;
    }

    private void noteAgreement(SystemTrack t, boolean disagrees, long time) {
        if (disagrees) {
            t.disagreementCount = Math.max(0, t.disagreementCount) + 1;
        } else {
            t.disagreementCount = Math.min(0, t.disagreementCount) - 1;
        }
        // positive count: consecutive disagreeing reports; negative: consecutive agreeing ones
        if (!t.disagreement && t.disagreementCount >= disagreementPersistence) {
            t.disagreement = true;
            if (t.status == TrackStatus.CONFIRMED) listener.disagreementRaised(t, time);
        } else if (t.disagreement && -t.disagreementCount >= disagreementPersistence) {
            t.disagreement = false;
            if (t.status == TrackStatus.CONFIRMED) listener.disagreementCleared(t, time);
        }
    }

    /**
     * Starts a tentative track again from {@code d} (its earlier plots were not this aircraft's):
     * position, altitude and confirmation count restart; number and identity stay.
     */
    private void restart(SystemTrack t, Detection d) {
        long time = d.timeNanos;
        reinitialiseKinematics(t, d);
        t.firstNanos = time;
        if (Double.isNaN(d.altitudeMetres)) t.altitude = Double.NaN;
        else AltitudeFilter.start(t, time, d.altitudeMetres, altitudeSigma, 15);
        t.existence = startingExistence(d);
    }

    /** Prior existence of a track started by {@code d}: only primary plots are doubted. */
    private double startingExistence(Detection d) {
        if (d.kind != SensorKind.RADAR || d.secondary()) return 1;
        SensorConfig s = sensors.get(d.sensorIndex);
        double lambda = clutter.density(d.sensorIndex, d.rangeMetres, d.azimuthRad, s.scanPeriodSeconds(), d.timeNanos);
        return TrackExistence.initial(newTargetDensity, lambda);
    }

    private void reinitialiseKinematics(SystemTrack t, Detection d) {
        measurement.model.planeCovariance(measurement, d.x, d.y, planeCov);
        initiator.initiate(t, d.timeNanos, d.x, d.y, planeCov[0], planeCov[1], planeCov[2]);
    }

    private void noteSensor(SystemTrack t, Detection d, long time) {
        int i = d.sensorIndex;
        long bit = 1L << i;
        t.lastBySensor[i] = time;
        t.sensorsEver |= bit;
        if (d.secondary()) t.everSecondary = true;
        if ((t.sensorsNow & bit) == 0) {
            t.sensorsNow |= bit;
            if (t.status == TrackStatus.CONFIRMED) listener.sensorsChanged(t, time);
        }
    }

    private void initiate(Detection d) {
        SystemTrack t = pool.allocate();
        long time = d.timeNanos;
        t.status = TrackStatus.TENTATIVE;
        t.trackNumber = nextTrackNumber++;
        t.firstNanos = time;
        t.lastUpdateNanos = time;
        t.updates = 1;
        measure(d, Double.NaN);
        reinitialiseKinematics(t, d);
        SensorConfig s = sensors.get(d.sensorIndex);
        if (d.kind == SensorKind.RADAR) {
            t.lastRadarNanos = time;
            t.lastRadarPeriodSeconds = s.scanPeriodSeconds();
        } else {
            t.lastReportNanos = time;
        }
        if (!Double.isNaN(d.altitudeMetres)) AltitudeFilter.start(t, time, d.altitudeMetres, altitudeSigma, 15);
        t.existence = startingExistence(d);
        if (d.kind == SensorKind.RADAR && !d.secondary())
            clutter.note(d.sensorIndex, d.rangeMetres, d.azimuthRad, time);
        noteSensor(t, d, time);
        addresses.noteIdentity(t, d);
        listener.initiated(t, time);
        t.deadlineNanos = deleter.deadline(t);
        pool.place(t, t.kin.x(), t.kin.y());
    }

    /** Vertical rate above which a track ending in a terminal area was climbing out, not landing, m/s. */
    private static final double CLIMBING = 2.5;

    private void delete(SystemTrack t, long time) {
        if (t.terminal >= 0 && t.status == TrackStatus.CONFIRMED && (t.groundReported || !(t.verticalRate > CLIMBING)))
            landings.landed(t, time, terminals.ident(t.terminal));
        listener.deleted(t, time);
        addresses.release(t);
        pool.release(t);
    }

    private void sweep(long time) {
        for (int slot = 0, n = pool.slotCount(); slot < n; slot++) {
            SystemTrack t = pool.get(slot);
            if (t.status == TrackStatus.FREE) continue;
            if (time > t.deadlineNanos || outOfCover(t, time)) {
                delete(t, time);
                continue;
            }
            long mask = t.sensorsNow;
            long before = mask;
            while (mask != 0) {
                int i = Long.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                SensorConfig s = sensors.get(i);
                long window = s.kind() == SensorKind.RADAR
                        ? (long) (contributingScans * s.scanPeriodSeconds() * 1e9)
                        : contributingReportNanos;
                if (time - t.lastBySensor[i] > window) t.sensorsNow &= ~(1L << i);
            }
            if (t.sensorsNow != before && t.status == TrackStatus.CONFIRMED) listener.sensorsChanged(t, time);
            pool.place(t, t.xAt(time), t.yAt(time));
        }
    }

    /**
     * A confirmed radar track that missed its radar's last scan, with no ADS-B/MLAT report within
     * the contributing window, predicted beyond every radar's instrumented range ({@link
     * #setRadarCover}) by more than {@link TrackerConfig#outOfCoverMarginMetres}: the aircraft has
     * left the radars' cover and no plot can come, so it is not flown on for the full coasting
     * time. Off while any radar's cover is unknown.
     */
    private boolean outOfCover(SystemTrack t, long time) {
        if (!(outOfCoverMargin >= 0) || t.status != TrackStatus.CONFIRMED) return false;
        if (t.lastRadarNanos == Long.MIN_VALUE
                || time - t.lastRadarNanos <= (long) (1.5 * t.lastRadarPeriodSeconds * 1e9)) return false;
        if (t.lastReportNanos != Long.MIN_VALUE && time - t.lastReportNanos <= contributingReportNanos) return false;
        double x = t.xAt(time);
        double y = t.yAt(time);
        for (int i = 0, n = sensors.count(); i < n; i++) {
            if (sensors.get(i).kind() != SensorKind.RADAR) continue;
            double reach = sensors.cover(i);
            if (!(reach > 0)) return false; // a radar of unknown cover could see it
            double dx = x - sensors.x(i);
            double dy = y - sensors.y(i);
            double r = reach + outOfCoverMargin;
            if (dx * dx + dy * dy <= r * r) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ Mode S replies

    private long repliesUsed;
    private long repliesIgnored;

    /**
     * A Mode S surveillance reply without position (DF4/20: altitude, DF5/21: identity) to an
     * interrogation, its address recovered from the parity. It is evidence for a radar track
     * already correlated with that address (a Mode S radar's plots carry it): the reply's altitude
     * updates the track's altitude filter and its code the track's Mode 3/A, between the radar's
     * scans. An address no radar-supported confirmed track carries is ignored (a parity-recovered
     * address is only as good as the track it matches), as is an altitude outside the track's
     * altitude gate or a reply older than the track's last altitude.
     *
     * @param altitudeMetres pressure altitude (NaN: none, DF5/21)
     * @param mode3A         Mode 3/A code as an octal number 0..07777 ({@link Detection#ABSENT}: none)
     * @return whether the reply was used
     */
    public boolean modeSReply(int icao, long timeNanos, double altitudeMetres, int mode3A) {
        SystemTrack t = icao < 0 || icao > 0xFFFFFF ? null : trackByIcao(icao);
        if (t == null
                || t.status != TrackStatus.CONFIRMED
                || t.lastRadarNanos == Long.MIN_VALUE
                || timeNanos - t.lastRadarNanos > (long) (radarSupportScans * t.lastRadarPeriodSeconds * 1e9)
                || timeNanos < t.lastRadarNanos - (long) (t.lastRadarPeriodSeconds * 1e9)) {
            repliesIgnored++;
            return false;
        }
        boolean used = false;
        if (altitudeMetres >= MIN_ALTITUDE && altitudeMetres <= MAX_ALTITUDE && timeNanos >= t.altitudeTimeNanos) {
            if (Double.isNaN(t.altitude)) {
                AltitudeFilter.start(t, timeNanos, altitudeMetres, altitudeSigma, 15);
                used = true;
            } else if (altitudeFits(t, altitudeMetres, timeNanos)) {
                AltitudeFilter.update(t, timeNanos, altitudeMetres, altitudeSigma, altitudeDensity);
                used = true;
            }
        }
        if (mode3A >= 0 && mode3A <= 07777) {
            if (mode3A != t.mode3A) {
                t.mode3A = mode3A;
                listener.identifiersChanged(t, timeNanos);
            }
            used = true;
        }
        if (used) repliesUsed++;
        else repliesIgnored++;
        return used;
    }

    /** Mode S replies used as evidence on a radar track ({@link #modeSReply}). */
    public long modeSRepliesUsed() {
        return repliesUsed;
    }

    /** Mode S replies with no radar-supported track of their address, or out of its altitude gate. */
    public long modeSRepliesIgnored() {
        return repliesIgnored;
    }

    // ------------------------------------------------------------------ output

    /**
     * States radar {@code sensorId}'s instrumented range (ground, metres) for deletion out of cover;
     * false if the sensor is not a registered radar.
     */
    public boolean setRadarCover(int sensorId, double rangeMetres) {
        int i = sensors.indexOf(sensorId);
        if (i < 0 || sensors.get(i).kind() != SensorKind.RADAR || !(rangeMetres > 0)) return false;
        sensors.setCover(i, rangeMetres);
        return true;
    }

    /** Number of pool slots ever used; iterate {@link #trackAt} over [0, this). */
    public int slotCount() {
        return pool.slotCount();
    }

    /** The track in {@code slot}, or null when the slot is free. */
    public SystemTrack trackAt(int slot) {
        SystemTrack t = pool.get(slot);
        return t.status == TrackStatus.FREE ? null : t;
    }

    /** Live tracks (tentative and confirmed). */
    public int liveTracks() {
        return pool.live();
    }

    public SystemTrack trackByIcao(int icao) {
        int slot = addresses.slotOf(icao);
        return slot < 0 ? null : pool.get(slot);
    }

    public long rejected(Rejection r) {
        return rejections[r.ordinal()];
    }

    /** Detections processed (paired or initiating) since construction. */
    public long processed() {
        return processed;
    }

    /** Latest detection time processed, ns. */
    public long now() {
        return now;
    }

    /** Track-detection pairs evaluated with a full prediction and Mahalanobis distance, for diagnostics. */
    public long gateEvaluations() {
        return gateEvaluations;
    }

    /** Updates that needed the manoeuvre gate, for diagnostics. */
    public long manoeuvreUpdates() {
        return manoeuvreUpdates;
    }

    /** Detections of an address shared by two aircraft that were kept off the address's track. */
    public long addressConflicts() {
        return addresses.conflicts();
    }

    /** Clusters that needed the Hungarian solver, for diagnostics. */
    public long clustersSolved() {
        return associator.clustersSolved();
    }
}
