package org.vigil.core.track;

/**
 * Single-point initiation with M-of-N confirmation per sensor kind.
 *
 * <p>A new track starts at the measured position with zero velocity and a wide velocity sigma
 * (300 m/s by default, so that the first gate admits anything up to about Mach 1.5), which makes the
 * second update an implicit two-point velocity estimate. Confirmation counts "looks": the number of
 * the sensor's nominal periods (radar scans, ADS-B report intervals) since the first detection,
 * inclusive. The track is confirmed at the M-th hit if that happens within N looks; once more than
 * N looks have passed without M hits it fails.
 */
public final class MofNInitiator implements Initiator {
    private final Predictor predictor;
    private final double velVar;
    private final double turnVar;
    private final int radarM;
    private final int radarN;
    private final int reportM;
    private final int reportN;
    private final int primaryM;
    private final int primaryN;

    public MofNInitiator(
            Predictor predictor,
            double initialVelocitySigma,
            double initialTurnRateSigma,
            int radarM,
            int radarN,
            int reportM,
            int reportN) {
        this(predictor, initialVelocitySigma, initialTurnRateSigma, radarM, radarN, reportM, reportN, radarM, radarN);
    }

    /**
     * With a separate, usually stricter, M-of-N for tracks that only primary radar has seen: they
     * have no identity to tell them from clutter, and a single-point start with a wide velocity prior
     * gates a clutter plot on the next scan often enough (docs/TRACKING.md "Initiation").
     */
    public MofNInitiator(
            Predictor predictor,
            double initialVelocitySigma,
            double initialTurnRateSigma,
            int radarM,
            int radarN,
            int reportM,
            int reportN,
            int primaryM,
            int primaryN) {
        if (radarM < 1 || radarN < radarM || reportM < 1 || reportN < reportM || primaryM < 1 || primaryN < primaryM) {
            throw new IllegalArgumentException("need 1 <= M <= N");
        }
        this.primaryM = primaryM;
        this.primaryN = primaryN;
        this.predictor = predictor;
        this.velVar = initialVelocitySigma * initialVelocitySigma;
        this.turnVar = initialTurnRateSigma * initialTurnRateSigma;
        this.radarM = radarM;
        this.radarN = radarN;
        this.reportM = reportM;
        this.reportN = reportN;
    }

    @Override
    public void initiate(SystemTrack t, long time, double x, double y, double pxx, double pxy, double pyy) {
        t.kin.initialise(
                predictor.models(), time, x, y, pxx, pxy, pyy, 0, 0, velVar, turnVar, predictor.initialProbabilities());
        t.hits = 1;
    }

    @Override
    public Verdict onHit(SystemTrack t, SensorKind kind, double period, long time) {
        t.hits++;
        boolean primary = kind == SensorKind.RADAR && t.primaryOnly();
        int m = primary ? primaryM : kind == SensorKind.RADAR ? radarM : reportM;
        int n = primary ? primaryN : kind == SensorKind.RADAR ? radarN : reportN;
        long looks = 1 + Math.round((time - t.firstNanos) * 1e-9 / period);
        if (t.hits >= m && looks <= n) return Verdict.CONFIRM;
        if (looks > n) return Verdict.FAIL;
        return Verdict.KEEP;
    }
}
