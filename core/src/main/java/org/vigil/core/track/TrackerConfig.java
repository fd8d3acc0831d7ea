package org.vigil.core.track;

/**
 * Tracker parameters with their defaults (see docs/TRACKING.md for why each value). A plain
 * mutable holder: set fields, then hand it to the {@link Tracker}, which copies what it needs at
 * construction; later changes have no effect on that tracker.
 */
public final class TrackerConfig {
    /** Area origin of the local plane (degrees). */
    public double originLatDeg = 51.0;

    public double originLonDeg = 6.0;

    /** Chi-square gate on the 2-D innovation: 99.9 % for 2 degrees of freedom. */
    public double gateChiSquare = 13.816;
    /** Extra cost for pairing a secondary plot with a track holding a different Mode 3/A code. */
    public double squawkMismatchPenalty = 6.9;
    /**
     * Extra cost for pairing with a tentative track (a quarter of the gate): an established track
     * that gates a plot keeps it unless the tentative track fits clearly better, and a tentative
     * track still takes a plot with d² below 10.4 (98.5 % of true continuations) when alone.
     */
    public double tentativePenalty = 3.45;
    /**
     * Manoeuvre gate: a detection left unpaired is tried again against confirmed tracks left
     * unpaired, with their prediction widened by a constant acceleration of up to this (m/s², per
     * axis; 30 ≈ 3 g) since their last update, capped at {@link #manoeuvreMaxSeconds}.
     */
    public double manoeuvreAcceleration = 30;

    public double manoeuvreMaxSeconds = 12;
    /** Altitude pre-gate: pairs whose Mode C differs from the track altitude by more than this plus 3 sigma are excluded, metres. */
    public double altitudeGateMetres = 300;

    /** Reordering window: detections are held this long to be sorted across sensors, seconds. */
    public double reorderWindowSeconds = 2.0;
    /** A radar batch holds plots of one radar within this time span, seconds. */
    public double batchSpanSeconds = 0.5;

    /** Gating grid cell size, metres (must exceed the largest gate radius). */
    public double gridCellMetres = 20_000;

    /** Initial velocity sigma of a new track, m/s (per axis). */
    public double initialVelocitySigma = 300;
    /** Initial turn-rate sigma, rad/s. */
    public double initialTurnRateSigma = 0.02;
    /** Motion models: IMM (CV + CT) or CV (single constant-velocity Kalman, the baseline). */
    public Motion motion = Motion.IMM;
    /** CV acceleration density inside the IMM, m²/s³. */
    public double immCvDensity = 0.5;
    /** CT acceleration density inside the IMM, m²/s³. */
    public double immCtDensity = 10.0;
    /** CT turn-rate change density, rad²/s³. */
    public double immTurnDensity = 1e-4;
    /** CV density of the single-model baseline, m²/s³ (higher: it must absorb manoeuvres). */
    public double cvDensity = 5.0;

    /** Altitude filter: vertical acceleration density (m²/s³) and Mode C / baro sigma (m). */
    public double altitudeDensity = 2.0;

    public double altitudeSigmaMetres = 20;
    /** Assumed altitude sigma when a radar plot's height is a guess (no Mode C, no track altitude). */
    public double assumedHeightSigmaMetres = 3000;

    /** M-of-N confirmation for tracks whose detections come from radars (scans). */
    public int radarConfirmM = 2;

    public int radarConfirmN = 3;
    /**
     * M-of-N for tracks only primary radar has seen (no identity to set them apart from clutter):
     * 3 of 4 still confirms within 3 scans of the first plot, and a third hit inside the narrow
     * gate of a two-point velocity estimate is rare for clutter.
     */
    public int primaryConfirmM = 3;

    public int primaryConfirmN = 4;
    /** M-of-N confirmation for ADS-B/MLAT (nominal report intervals of the feed). */
    public int reportConfirmM = 2;

    public int reportConfirmN = 4;

    /** Deletion: confirmed tracks coast this many scans of their radar without an update. */
    public double radarCoastScans = 5;
    /** Deletion: confirmed tracks coast this long after their last ADS-B/MLAT update, seconds. */
    public double reportCoastSeconds = 20;
    /**
     * Deletion out of cover: a confirmed track with no ADS-B/MLAT support that has missed a scan
     * and whose predicted position lies farther than this beyond every radar's instrumented range
     * ({@link Tracker#setRadarCover}; unknown: no such deletion) is not flown on: it ends at the
     * next sweep, metres. NaN: off.
     */
    public double outOfCoverMarginMetres = 1_000;
    /** Deletion: tentative tracks coast this many scans (radar) ... */
    public double tentativeCoastScans = 2.5;
    /** ... or this long (ADS-B/MLAT), seconds. */
    public double tentativeReportCoastSeconds = 5;

    /** A sensor counts as "contributing now" for this many of its scan periods after its last update. */
    public double contributingScans = 2.5;
    /** ADS-B/MLAT counts as contributing for this long after the last report, seconds. */
    public double contributingReportSeconds = 10;

    /** Disagreement: an ADS-B report beyond this chi-square (2 dof) from a radar-supported estimate counts against it. */
    public double disagreementChiSquare = 13.816;
    /** Consecutive disagreeing reports needed to raise the flag, and agreeing ones to clear it. */
    public int disagreementPersistence = 5;
    /** A track is radar-supported while its last radar update is younger than this many scans. */
    public double radarSupportScans = 3;

    /**
     * Physical limits (docs/TRACKING.md "Kinematic plausibility"): no track is ever updated or
     * confirmed faster than this ground speed, m/s (700 ≈ 1,360 kt: above Mach 2 at altitude, below
     * the identification rule's 1,500 kt). An update that would exceed it is refused (the plot was
     * not this aircraft's); a tentative track restarts from the plot instead.
     */
    public double maxSpeedMetresPerSecond = 700;
    /**
     * Lower limit for a track whose Mode C altitude is below {@link #lowAltitudeMetres}: 360 m/s
     * (≈ 700 kt, above Mach 1 at sea level); what the plots show (a low altitude) bounds the speed.
     */
    public double maxLowSpeedMetresPerSecond = 360;

    public double lowAltitudeMetres = 3_000;
    /** Climb limit on initiation: Mode C of a tentative track's plots may not change faster than this, m/s (≈ 60,000 ft/min). */
    public double maxClimbMetresPerSecond = 300;
    /** Acceleration limit on initiation (horizontal, m/s²; 90 ≈ 9 g): a tentative track's plots must fit it. */
    public double maxAccelerationMetresPerSecond2 = 90;

    /**
     * Track existence (IPDA-style) for tracks only primary radar has seen: besides M-of-N, such a
     * track confirms only when its existence probability reaches this, and is dropped below
     * {@link #dropExistence}. Each plot multiplies the odds by its likelihood ratio against the
     * clutter density estimated for the radar and cell ({@link ClutterMap}); each missed scan by
     * 1 − P_D·P_G.
     */
    public double confirmExistence = 0.99;

    public double dropExistence = 0.05;
    /**
     * A primary-only tentative track faster than {@link #maxLowSpeedMetresPerSecond} (no transponder,
     * no altitude, and faster than anything low) confirms only after this many plots with at most one
     * scan missed: three clutter plots that happen to line up mostly do so at high speed (the gate
     * of a two-point start grows with speed squared), a real fast intruder gives a plot every scan.
     */
    public int fastPrimaryConfirmHits = 5;

    /** Detection probability assumed for the existence update. */
    public double existenceDetectionProbability = 0.9;
    /**
     * Density of new targets appearing as primary-only plots, per m² and scan: the prior that a
     * lone primary plot is an aircraft is this over (this + the clutter density of its cell).
     */
    public double newTargetDensity = 1e-11;
    /**
     * Clutter density floor (per m² and scan) before the map has learnt anything and in quiet cells:
     * 5e-11 is about 6 false plots per scan of a 180 NM radar spread over its cover.
     */
    public double clutterDensityFloor = 5e-11;
    /** Clutter map: cells per radar in range and azimuth, and memory (time constant), seconds. */
    public int clutterRangeCells = 32;

    public int clutterAzimuthCells = 32;
    public double clutterMaxRangeMetres = 500_000;
    public double clutterMemorySeconds = 600;

    /**
     * Terminal areas (docs/TRACKING.md "Ground and terminal areas"): a track whose Mode C is within
     * this height of an aerodrome's elevation, metres (450 ≈ 1,500 ft) ...
     */
    public double terminalHeightMetres = 450;
    /** ... within this distance of the aerodrome, metres (5 NM), is in its terminal area. */
    public double terminalRadiusMetres = 9_260;

    /** Minimum interval between "updated" events of one track, seconds (0 = every update). */
    public double updateEventIntervalSeconds = 5;
    /** Housekeeping (deletion, contributing sensors, grid refresh) interval, seconds. */
    public double sweepIntervalSeconds = 1;
}
