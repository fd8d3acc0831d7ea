package org.vigil.core.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a tracker's system tracks against the simulator's truth, instant by instant, the way
 * Stone Soup's metric generators do: states are compared only at common evaluation instants (for
 * example every scan or every N seconds of data time), fed here as
 * <pre>
 *   beginInstant(t); truth(...)…; track(...)…; endInstant();   … result()
 * </pre>
 * At each instant the tracks and truths are paired by the optimal assignment gated at the cut-off
 * c (the one that realises OSPA and GOSPA, see {@link GatedAssignment}); every other measure is a
 * count over those pairings:
 * <ul>
 *   <li>OSPA (Schuhmacher, Vo &amp; Vo 2008) and GOSPA with α = 2 (Rahmathullah, García-Fernández
 *       &amp; Svensson 2017) per instant, averaged over instants with anything to score;</li>
 *   <li>track break: a truth assigned to a track other than the one it was last assigned to (the
 *       SIAP "track number change" of Votruba et al. / Stone Soup); the first assignment is not a
 *       break, a gap with the same track afterwards is not a break;</li>
 *   <li>swap: a track assigned to a truth other than the one it was last assigned to, so two truths
 *       exchanging tracks count two swaps (and two breaks);</li>
 *   <li>false track: over the run, a track unassigned at more than
 *       {@link MetricsConfig#falseTrackUnassignedFraction()} of the instants it existed;</li>
 *   <li>missed truth: a detectable truth state with no track;</li>
 *   <li>position error: mean distance over assigned pairs;</li>
 *   <li>initiation latency: time from a truth's first detectable instant to the first instant at or
 *       after it with an assigned track (0 if tracked at that instant; resolution is the spacing of
 *       the instants).</li>
 * </ul>
 * Each is also broken down by the truth's situation label at the instant concerned (a swap by the
 * new truth's, latency by the one at the first detectable instant, a false track by the situation
 * of the truth it was most often on, or {@link #NO_TRUTH}). Per situation, OSPA/GOSPA are computed
 * over that situation's truths and the tracks assigned to them; false tracks have no situation, so
 * the breakdown does not add up to the whole.
 *
 * <p>Only confirmed tracks are scored: a tentative track is not yet part of the air picture, so
 * "first assigned track" means first confirmed track. Track numbers and truth ids are expected to
 * be unique over the run (a reused number continues the old record).
 *
 * <p>Bad input is refused and counted by reason, never thrown: a non-finite or out-of-range
 * position ({@code bad_position}), a truth id or track number given twice in one instant
 * ({@code duplicate_id}), an instant not later than the previous one, with all its states
 * ({@code instant_out_of_order}), a state given outside an instant ({@code outside_instant}).
 *
 * <p>Core code: no I/O, no clock; time is the data time passed in. Not thread-safe.
 */
public final class TrackQualityEvaluator {
    /** Situation label under which false tracks never assigned to any truth are listed. */
    public static final String NO_TRUTH = "no-truth";
    /** Label for a truth given without one. */
    public static final String UNLABELLED = "unlabelled";

    private final MetricsConfig config;
    private final double cutoffPow;
    private final GatedAssignment assignment;

    // Current instant, packed per index.
    private boolean open;
    private boolean discarding; // the open instant was refused; its states are dropped
    private double now = Double.NEGATIVE_INFINITY;
    private boolean anyInstant;
    private int truths, tracks;
    private long[] truthId = new long[16];
    private String[] truthSituation = new String[16];
    private boolean[] truthDetectable = new boolean[16];
    private double[] truthXyz = new double[48];
    private double[] truthAlt = new double[16];
    private long[] trackNumber = new long[16];
    private double[] trackXyz = new double[48];
    private double[] trackAlt = new double[16];
    private final HashMap<Long, Integer> truthIndexThisInstant = new HashMap<>();
    private final HashMap<Long, Integer> trackIndexThisInstant = new HashMap<>();

    // History across instants.
    private final HashMap<Long, TruthHistory> truthHistory = new HashMap<>();
    private final LinkedHashMap<Long, TrackHistory> trackHistory = new LinkedHashMap<>();
    private final FiguresAccumulator overall = new FiguresAccumulator();
    private final TreeMap<String, FiguresAccumulator> bySituation = new TreeMap<>();

    private long rejectedBadPosition, rejectedDuplicate, rejectedInstant, rejectedOutside, ignoredTentative;

    private static final class TruthHistory {
        long lastTrack;
        boolean everAssigned;
        double firstDetectable = Double.NaN;
        String firstDetectableSituation;
        boolean initiated;
    }

    private static final class TrackHistory {
        long lastTruth;
        boolean everAssigned;
        long present, assigned;
        final HashMap<String, long[]> assignedBySituation = new HashMap<>(4);
    }

    public TrackQualityEvaluator(MetricsConfig config) {
        this.config = config;
        this.cutoffPow = Math.pow(config.cutoffM(), config.order());
        this.assignment = new GatedAssignment(config.cutoffM(), config.order(), config.distance());
    }

    public MetricsConfig config() {
        return config;
    }

    /** Opens the evaluation instant at data time {@code timeS} (closing an open one first). */
    public void beginInstant(double timeS) {
        if (open) endInstant();
        open = true;
        truths = 0;
        tracks = 0;
        truthIndexThisInstant.clear();
        trackIndexThisInstant.clear();
        discarding = !Double.isFinite(timeS) || (anyInstant && !(timeS > now));
        if (discarding) {
            rejectedInstant++;
            return;
        }
        now = timeS;
        anyInstant = true;
    }

    /** A truth state at the open instant; detectable unless its situation is listed as undetectable. */
    public void truth(long id, double latDeg, double lonDeg, double altM, String situation) {
        String label = situation == null ? UNLABELLED : situation;
        truth(id, latDeg, lonDeg, altM, label, !config.undetectableSituations().contains(label));
    }

    /** A truth state at the open instant, with its detectability stated by the caller. */
    public void truth(long id, double latDeg, double lonDeg, double altM, String situation, boolean detectable) {
        if (!acceptState(latDeg, lonDeg)) return;
        if (truthIndexThisInstant.putIfAbsent(id, truths) != null) {
            rejectedDuplicate++;
            return;
        }
        if (truths == truthId.length) growTruths();
        truthId[truths] = id;
        truthSituation[truths] = situation == null ? UNLABELLED : situation;
        truthDetectable[truths] = detectable;
        GatedAssignment.toSurfaceEcef(latDeg, lonDeg, truthXyz, truths);
        truthAlt[truths] = altM;
        truths++;
    }

    /** A confirmed system track at the open instant. */
    public void track(long number, double latDeg, double lonDeg, double altM) {
        track(number, latDeg, lonDeg, altM, true);
    }

    /** A system track at the open instant; tentative tracks are counted as ignored and not scored. */
    public void track(long number, double latDeg, double lonDeg, double altM, boolean confirmed) {
        if (!acceptState(latDeg, lonDeg)) return;
        if (!confirmed) {
            ignoredTentative++;
            return;
        }
        if (trackIndexThisInstant.putIfAbsent(number, tracks) != null) {
            rejectedDuplicate++;
            return;
        }
        if (tracks == trackNumber.length) growTracks();
        trackNumber[tracks] = number;
        GatedAssignment.toSurfaceEcef(latDeg, lonDeg, trackXyz, tracks);
        trackAlt[tracks] = altM;
        tracks++;
    }

    private boolean acceptState(double lat, double lon) {
        if (!open) {
            rejectedOutside++;
            return false;
        }
        if (discarding) return false; // already counted once as instant_out_of_order
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 360)) {
            rejectedBadPosition++;
            return false;
        }
        return true;
    }

    /** Scores the open instant. Harmless when none is open. */
    public void endInstant() {
        if (!open) return;
        open = false;
        if (discarding) return;
        assignment.solve(trackXyz, trackAlt, tracks, truthXyz, truthAlt, truths);
        for (FiguresAccumulator a : bySituation.values()) a.startInstant();

        double setLocalisation = 0;
        int setTruths = 0, setAssigned = 0, setTracks = tracks;
        for (int j = 0; j < truths; j++) {
            String label = truthSituation[j];
            FiguresAccumulator s = situation(label);
            boolean detectable = truthDetectable[j];
            int i = assignment.trackOfTruth[j];
            double d = assignment.pairDistance[j];
            double dPow = i == GatedAssignment.NONE ? 0 : Math.pow(d, config.order());
            overall.truthInstants++;
            s.truthInstants++;
            s.instantTruths++;
            TruthHistory h = truthHistory.computeIfAbsent(truthId[j], k -> new TruthHistory());
            if (detectable && Double.isNaN(h.firstDetectable)) {
                h.firstDetectable = now;
                h.firstDetectableSituation = label;
                overall.truthsDetectable++;
                s.truthsDetectable++;
            }
            if (i != GatedAssignment.NONE) {
                long track = trackNumber[i];
                s.instantAssigned++;
                s.instantLocalisation += dPow;
                overall.errorSum += d;
                overall.errorCount++;
                s.errorSum += d;
                s.errorCount++;
                if (h.everAssigned && h.lastTrack != track) {
                    overall.breaks++;
                    s.breaks++;
                }
                h.everAssigned = true;
                h.lastTrack = track;
                if (!h.initiated && !Double.isNaN(h.firstDetectable)) {
                    h.initiated = true;
                    double latency = now - h.firstDetectable;
                    FiguresAccumulator first = situation(h.firstDetectableSituation);
                    overall.addLatency(latency);
                    first.addLatency(latency);
                }
            } else if (detectable) {
                overall.missed++;
                s.missed++;
            }
            if (detectable || config.setMetricsIncludeUndetectable()) {
                setTruths++;
                if (i != GatedAssignment.NONE) {
                    setAssigned++;
                    setLocalisation += dPow;
                }
            } else if (i != GatedAssignment.NONE) {
                setTracks--; // the track follows a truth left out of the set: leave it out too
            }
        }
        for (int i = 0; i < tracks; i++) {
            TrackHistory h = trackHistory.computeIfAbsent(trackNumber[i], k -> new TrackHistory());
            h.present++;
            int j = assignment.truthOfTrack[i];
            if (j == GatedAssignment.NONE) continue;
            h.assigned++;
            long truth = truthId[j];
            String label = truthSituation[j];
            if (h.everAssigned && h.lastTruth != truth) {
                overall.swaps++;
                situation(label).swaps++;
            }
            h.everAssigned = true;
            h.lastTruth = truth;
            h.assignedBySituation.computeIfAbsent(label, k -> new long[1])[0]++;
        }
        if (setTracks + setTruths > 0) {
            overall.addInstant(
                    ospa(setLocalisation, setTracks, setTruths, setAssigned),
                    gospa(setLocalisation, setTracks + setTruths - 2 * setAssigned));
        }
        for (FiguresAccumulator s : bySituation.values()) {
            if (s.instantTruths == 0) continue;
            int unassigned = s.instantTruths - s.instantAssigned;
            s.addInstant(
                    ospa(s.instantLocalisation, s.instantAssigned, s.instantTruths, s.instantAssigned),
                    gospa(s.instantLocalisation, unassigned));
        }
    }

    /**
     * OSPA from the gated assignment: with k pairs closer than c, the padded optimum of the paper
     * is Σ d^p + c^p·(max(m, n) − k), normalised by max(m, n).
     */
    private double ospa(double localisation, int estimates, int truths, int assigned) {
        int larger = Math.max(estimates, truths);
        if (larger == 0) return 0.0;
        double v = Math.pow((localisation + cutoffPow * (larger - assigned)) / larger, 1.0 / config.order());
        return Math.min(config.cutoffM(), v);
    }

    /** GOSPA (α = 2): (Σ d^p + c^p/2 · unassigned objects on either side)^(1/p). */
    private double gospa(double localisation, int unassigned) {
        return Math.pow(localisation + cutoffPow / 2 * unassigned, 1.0 / config.order());
    }

    private FiguresAccumulator situation(String label) {
        FiguresAccumulator a = bySituation.get(label);
        if (a == null) {
            a = new FiguresAccumulator();
            bySituation.put(label, a);
        }
        return a;
    }

    /** The figures so far. Closes an open instant; the evaluator may be fed further afterwards. */
    public TrackQualityResult result() {
        endInstant();
        long falseTracks = 0;
        Map<String, Long> falseBySituation = new HashMap<>();
        for (TrackHistory h : trackHistory.values()) {
            double unassignedShare = (double) (h.present - h.assigned) / h.present;
            if (unassignedShare <= config.falseTrackUnassignedFraction()) continue;
            falseTracks++;
            falseBySituation.merge(mostAssignedSituation(h), 1L, Long::sum);
        }
        Map<String, QualityFigures> figures = new TreeMap<>();
        for (Map.Entry<String, FiguresAccumulator> e : bySituation.entrySet()) {
            figures.put(e.getKey(), e.getValue().figures(falseBySituation.getOrDefault(e.getKey(), 0L)));
        }
        Long unattributed = falseBySituation.get(NO_TRUTH);
        if (unattributed != null && !bySituation.containsKey(NO_TRUTH)) {
            figures.put(NO_TRUTH, new FiguresAccumulator().figures(unattributed));
        }
        Map<String, Long> rejections = new LinkedHashMap<>();
        rejections.put("bad_position", rejectedBadPosition);
        rejections.put("duplicate_id", rejectedDuplicate);
        rejections.put("instant_out_of_order", rejectedInstant);
        rejections.put("outside_instant", rejectedOutside);
        rejections.put("tentative_ignored", ignoredTentative);
        return new TrackQualityResult(overall.figures(falseTracks), figures, rejections);
    }

    /** The situation of the truth a track was most often on (ties: label order), or NO_TRUTH. */
    private static String mostAssignedSituation(TrackHistory h) {
        String best = NO_TRUTH;
        long bestCount = 0;
        for (Map.Entry<String, long[]> e : new TreeMap<>(h.assignedBySituation).entrySet()) {
            if (e.getValue()[0] > bestCount) {
                bestCount = e.getValue()[0];
                best = e.getKey();
            }
        }
        return best;
    }

    private void growTruths() {
        int n = 2 * truthId.length;
        truthId = Arrays.copyOf(truthId, n);
        truthSituation = Arrays.copyOf(truthSituation, n);
        truthDetectable = Arrays.copyOf(truthDetectable, n);
        truthXyz = Arrays.copyOf(truthXyz, 3 * n);
        truthAlt = Arrays.copyOf(truthAlt, n);
    }

    private void growTracks() {
        int n = 2 * trackNumber.length;
        trackNumber = Arrays.copyOf(trackNumber, n);
        trackXyz = Arrays.copyOf(trackXyz, 3 * n);
        trackAlt = Arrays.copyOf(trackAlt, n);
    }
}
