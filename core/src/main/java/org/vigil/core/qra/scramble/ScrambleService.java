package org.vigil.core.qra.scramble;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.core.Callsigns;
import org.vigil.core.event.EventCodec;
import org.vigil.core.event.EventSink;
import org.vigil.core.event.EventTime;
import org.vigil.core.event.QraEvent;
import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.AircraftProfile;
import org.vigil.core.qra.Base;
import org.vigil.core.qra.CapStation;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.InterceptRanking;
import org.vigil.core.qra.InterceptSolution;
import org.vigil.core.qra.InterceptSolver;
import org.vigil.core.qra.Posture;
import org.vigil.core.qra.Readiness;
import org.vigil.core.qra.TargetPath;

/**
 * The scramble workflow of issue #8: a ranked recommendation for each alert that warrants one, an
 * operator's proposal, a supervisor's Alpha scramble order, the phases followed from the fighter
 * and target tracks, the outcome, re-tasking and cancelling; and the posture changes a supervisor
 * makes. Every transition is a typed event ({@link org.vigil.core.event.QraEvent}, docs/EVENTS.md
 * "Scramble and posture"); every action answers with a domain {@link Result} (done, or a
 * {@link Refusal} and why). Pure logic: the web layer (server {@code QraApi}) maps results to
 * HTTP and audits who did what through the {@link Gate} before anything changes.
 *
 * <p>Time is the data's: {@link #onTrackUpdate} and {@link #tick} move "now" forward (never back);
 * actions are stamped with it. Same inputs, same events: deterministic.
 *
 * <p>Hot path: {@link #onTrackUpdate} runs for every system track update and allocates nothing: it
 * looks the track up in small primitive arrays of watched targets and linked fighter addresses.
 * Everything else (alerts, actions, re-solving every {@link ScrambleConfig#resolveS}) is rare.
 *
 * <p>Threading: one owner, not thread-safe. Every method (track updates, alerts, ticks, actions and
 * reads) must be called on one thread: a live server's picture owner (its {@code PictureLoop}; the
 * web layer's reads and actions are handed to it and waited for), a replay's or a test's own thread.
 * {@link Fighters} are only driven from {@link #tick}, which runs between the simulation's steps: an
 * order or cancel is carried out on the fighters at the next tick (the launch delay is counted from
 * the order, not the tick).
 */
public final class ScrambleService {
    /** Why an action was refused (the web layer maps each to its HTTP status). */
    public enum Refusal {
        /** No such scramble or unit. */
        NOT_FOUND,
        /** Not possible in the scramble's (or the picture's) present state: wrong phase, no position, unit tasked. */
        WRONG_STATE,
        /** The request itself is wrong: missing fields, unknown aircraft type, a readiness a unit cannot have. */
        INVALID,
        /** The gate (the audit trail) refused: the action was not carried out. */
        NOT_AUDITED
    }

    /** Result of an action: done (with the scramble or unit id), or refused with a reason. */
    public record Result(Refusal refusal, String reason, String scrambleId) {
        public static Result ok(String id) {
            return new Result(null, null, id);
        }

        public static Result notFound(String why) {
            return new Result(Refusal.NOT_FOUND, why, null);
        }

        public static Result refused(String why) {
            return new Result(Refusal.WRONG_STATE, why, null);
        }

        public static Result invalid(String why) {
            return new Result(Refusal.INVALID, why, null);
        }

        public boolean ok() {
            return refusal == null;
        }
    }

    /**
     * Called after an action has been checked and before it changes anything: the web layer audits
     * it there (who, what, data time). False refuses the action (the audit row could not be stored).
     */
    @FunctionalInterface
    public interface Gate {
        boolean allow(String target, String detail);

        /** No audit (tests, the simulated operator). */
        Gate OPEN = (target, detail) -> true;
    }

    private static final Result UNAUDITED =
            new Result(Refusal.NOT_AUDITED, "audit trail unavailable: action not carried out", null);

    /** A recommendation line: the unit and its plan against the target. */
    public record Recommendation(int rank, Detachment unit, InterceptSolution solution) {}

    private static final double KT = Units.KT;

    private final Posture posture;
    private final ScrambleConfig config;
    private final Fighters fighters;
    private final EventSink events;
    private final InterceptRanking ranking = new InterceptRanking();
    private NationAreas areas = NationAreas.NONE;
    private final InterceptSolver solver = new InterceptSolver();
    private final TargetPath path = new TargetPath(1);
    private final List<Scramble> scrambles = new ArrayList<>();
    private final List<long[]> pendingAlerts = new ArrayList<>(); // {alertId, track}
    private final Map<String, int[]> unitAddresses = new LinkedHashMap<>();
    private final Map<String, String> unitCallsigns = new LinkedHashMap<>();
    private final Map<Long, List<Recommendation>> recommended = new LinkedHashMap<>();
    // per recommended alert: its track and the data time its list was solved at (re-planning)
    private final Map<Long, long[]> recommendedOn = new LinkedHashMap<>(); // {track, solvedNanos}

    // watched target tracks (alerted or tasked): primitive arrays, grown only when a watch is added
    private int[] watchTrack = new int[8];
    private FighterFix[] watchFix = new FighterFix[8];
    // re-planning: the target state the last plan was made on, when, and what change is pending
    private FighterFix[] watchRef = new FighterFix[8];
    private long[] watchPlannedAt = new long[8];
    private byte[] watchTrigger = new byte[8];
    private int watches;
    // fighter links for real data: address or packed callsign prefix -> scramble
    private int[] linkAddress = new int[8];
    private long[] linkCallsign = new long[8], linkMask = new long[8];
    private Scramble[] linkScramble = new Scramble[8];
    private int links;

    // the latest position of every track, by track number modulo the table size (track numbers
    // increase and are not reused, so a slot holds the newest of the tracks sharing it): lets an
    // operator propose against any track, alerted or not, without a map allocating per update
    private static final int TABLE = 1 << 14;
    private final int[] tableTrack = new int[TABLE];
    private final long[] tableTime = new long[TABLE];
    private final double[] tableLat = new double[TABLE], tableLon = new double[TABLE], tableAlt = new double[TABLE];
    private final double[] tableGs = new double[TABLE], tableCourse = new double[TABLE];
    private final double[] tablePosSigma = new double[TABLE], tableVarE = new double[TABLE];
    private final double[] tableCovEN = new double[TABLE], tableVarN = new double[TABLE];

    private static final long WATCH_STALE_NS = 600_000_000_000L;
    private final FighterFix scratchFix = new FighterFix();
    private long lastPrune = Long.MIN_VALUE;

    private long now = Long.MIN_VALUE;
    private int nextId = 1;
    private long rejectedUpdates;

    public ScrambleService(Posture posture, ScrambleConfig config, Fighters fighters, EventSink events) {
        this.posture = posture;
        this.config = config;
        this.fighters = fighters == null ? Fighters.NONE : fighters;
        this.events = events == null ? EventSink.NONE : events;
    }

    /**
     * Told of every launch the workflow carries out, after {@link Fighters#launch}: the scramble, the
     * unit, the callsigns given (null while there is nothing to launch with: asked again at every
     * tick) and the seconds to airborne. On the workflow's thread.
     */
    @FunctionalInterface
    public interface LaunchListener {
        void launched(String scrambleId, Detachment unit, String[] callsigns, double airborneInS);
    }

    private LaunchListener launches = (id, unit, callsigns, airborneInS) -> {};

    /** The one listener of launches (the identification engine's expected launches, issue #14). */
    public void onLaunch(LaunchListener listener) {
        this.launches = listener == null ? (id, unit, callsigns, airborneInS) -> {} : listener;
    }

    // ------------------------------------------------------------------ inputs

    /** An alert was raised: if it warrants one, a recommendation follows on the track's next update. */
    public void onAlert(long alertId, int track, String cause, int priority, long timeNanos) {
        advance(timeNanos);
        if (!config.warrants(cause, priority) || recommended.containsKey(alertId)) return;
        for (long[] p : pendingAlerts) if (p[0] == alertId) return;
        FighterFix fix = watch(track);
        if (fix.known()) {
            recommendFor(alertId, track, fix);
        } else {
            pendingAlerts.add(new long[] {alertId, track});
        }
    }

    /**
     * A system track update (every one may be passed: unwatched tracks cost an array scan).
     * {@code icao} is the 24-bit address or -1, {@code callsign} packed as {@link Callsigns} or 0.
     * Updates with NaN position or older than "now" by more than a minute are counted and ignored.
     */
    public void onTrackUpdate(
            int track,
            long timeNanos,
            double lat,
            double lon,
            double altFt,
            double gsKt,
            double trackDeg,
            int icao,
            long callsign) {
        onTrackUpdate(
                track,
                timeNanos,
                lat,
                lon,
                altFt,
                gsKt,
                trackDeg,
                icao,
                callsign,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    /**
     * As {@link #onTrackUpdate(int, long, double, double, double, double, double, int, long)} with the
     * track's uncertainty (NaN: unknown): one-sigma position error, metres, and the velocity
     * covariance east/north over true north, m^2/s^2. Plans made on it carry an interval.
     */
    public void onTrackUpdate(
            int track,
            long timeNanos,
            double lat,
            double lon,
            double altFt,
            double gsKt,
            double trackDeg,
            int icao,
            long callsign,
            double positionSigmaM,
            double velocityVarE,
            double velocityCovEN,
            double velocityVarN) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            rejectedUpdates++;
            return;
        }
        advance(timeNanos);
        int slot = track & (TABLE - 1);
        tableTrack[slot] = track;
        tableTime[slot] = timeNanos;
        tableLat[slot] = lat;
        tableLon[slot] = lon;
        tableAlt[slot] = altFt;
        tableGs[slot] = gsKt;
        tableCourse[slot] = trackDeg;
        tablePosSigma[slot] = positionSigmaM;
        tableVarE[slot] = velocityVarE;
        tableCovEN[slot] = velocityCovEN;
        tableVarN[slot] = velocityVarN;
        for (int i = 0; i < watches; i++) {
            if (watchTrack[i] != track) continue;
            watchFix[i]
                    .set(timeNanos, lat, lon, altFt, gsKt, trackDeg)
                    .uncertainty(positionSigmaM, velocityVarE, velocityCovEN, velocityVarN);
            if (watchTrigger[i] == NONE) watchTrigger[i] = significantChange(watchFix[i], watchRef[i]);
            if (!pendingAlerts.isEmpty()) recommendPending(track, watchFix[i]);
        }
        for (int i = 0; i < links; i++) {
            boolean match = (icao >= 0 && linkAddress[i] == icao)
                    || (callsign != 0 && linkMask[i] != 0 && (callsign & linkMask[i]) == linkCallsign[i]);
            if (!match) continue;
            Scramble s = linkScramble[i];
            if (s.fighterTrack == 0) s.fighterTrack = track;
            if (s.fighterTrack == track) s.lead.set(timeNanos, lat, lon, altFt, gsKt, trackDeg);
        }
    }

    /**
     * Data time seen on a track event that is not an update of a confirmed track (initiation,
     * deletion, ...): what the workflow emits next is stamped no earlier, so the event stream stays
     * in data-time order.
     */
    public void observe(long timeNanos) {
        advance(timeNanos);
    }

    /** Follows every active scramble to data time {@code nowNanos}: phases, re-solving, steering, re-planning. */
    public void tick(long nowNanos) {
        advance(nowNanos);
        pruneWatches();
        for (int i = 0; i < scrambles.size(); i++) {
            Scramble s = scrambles.get(i);
            if (s.removePending) {
                s.removePending = false;
                fighters.landed(s.id);
            }
            if (s.launchPending) {
                s.launchPending = false;
                Detachment d = unit(s.unitId);
                double elapsed = (now - s.orderedNanos) / 1e9;
                if (d != null) {
                    String[] launched = fighters.launch(
                            s.id,
                            d,
                            Math.max(0, s.timeToAirborneS - elapsed),
                            s.predicted.headingDeg,
                            s.levelFt,
                            climbSpeedKt(s));
                    // null: nothing to launch with yet (no simulation attached): the launch stays pending
                    if (launched == null) s.launchPending = true;
                    else s.callsigns = launched;
                    launches.launched(s.id, d, launched, Math.max(0, s.timeToAirborneS - elapsed));
                }
            }
            if (s.phase.ordinal() >= ScramblePhase.ORDERED.ordinal() && !s.phase.ended()) follow(s);
        }
        replanDue();
    }

    /** The nations' areas for hand-overs at an area boundary (the theatre's national airspace); default none. */
    public void setAreas(NationAreas areas) {
        this.areas = areas == null ? NationAreas.NONE : areas;
    }

    /** Tells the service the addresses and callsign stem its fighters will have (real data linking). */
    public void setUnitIdentity(String unitId, int[] addresses, String callsignStem) {
        unitAddresses.put(unitId, addresses == null ? new int[0] : addresses.clone());
        if (callsignStem != null && !callsignStem.isBlank()) unitCallsigns.put(unitId, callsignStem.strip());
    }

    // ------------------------------------------------------------------ recommendation

    /** The ranking of every unit against the track's latest position, or null when the track is not known. */
    public List<Recommendation> recommend(int track) {
        FighterFix fix = fixOf(track);
        if (fix == null) fix = fromTable(track, scratchFix); // a look-up watches nothing
        return fix == null || !fix.known() ? null : rank(fix);
    }

    /**
     * Diversion (docs/QRA.md "Diversion"): every unit on the ground and every pair in the air under
     * a scramble (airborne, en route, or at a target; not returning) ranked against {@code track}
     * like ground units. An airborne pair is solved from its lead's position and level, with no
     * launch delay, as far as its fuel left allows (out and back home); its line's unit is a copy of
     * the detachment with readiness AIRBORNE-CAP. Re-task it with {@link #retask}. Null when the
     * track is not known.
     */
    public List<Recommendation> divertOptions(int track) {
        FighterFix fix = fixOf(track);
        if (fix == null) fix = fromTable(track, scratchFix);
        if (fix == null || !fix.known() || !target(fix)) return null;
        List<Detachment> units = new ArrayList<>(posture.detachments());
        for (Scramble s : scrambles) {
            boolean airborne = s.phase.flying() && s.phase != ScramblePhase.RTB && s.lead.known();
            Detachment d = unit(s.unitId);
            if (!airborne || d == null || s.targetTrack == track) continue;
            units.removeIf(u -> u.id().equals(d.id()));
            units.add(airborneFrom(s, d));
        }
        // ranked by InterceptRanking's one ordering rule, like the ground units of a recommendation
        int n = ranking.rankInto(units, posture, path, config.options(), epochMs());
        List<Recommendation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Detachment u = units.get(ranking.unitIndexAt(i));
            InterceptSolution sol = new InterceptSolution();
            sol.copyFrom(ranking.solutionAt(i));
            spread(u, posture.profileOf(u), fix, sol);
            out.add(new Recommendation(i + 1, u, sol));
        }
        return out;
    }

    /** The unit of a flying scramble as an airborne start: from the lead, no launch delay, the fuel left. */
    private Detachment airborneFrom(Scramble s, Detachment d) {
        return new Detachment(
                d.id(),
                d.nation(),
                d.base(),
                d.aircraftType(),
                Math.max(1, s.committed),
                Readiness.AIRBORNE_CAP,
                new CapStation(s.lead.latDeg, s.lead.lonDeg, Math.max(0, s.lead.altitudeFt), enduranceLeftS(s, d)),
                null,
                Double.NaN);
    }

    /** The recommendation issued for an alert, or null. */
    public List<Recommendation> recommendationFor(long alertId) {
        return recommended.get(alertId);
    }

    private void recommendPending(int track, FighterFix fix) {
        for (int k = pendingAlerts.size() - 1; k >= 0; k--) {
            long[] p = pendingAlerts.get(k);
            if (p[1] != track) continue;
            pendingAlerts.remove(k);
            recommendFor(p[0], track, fix);
        }
    }

    private void recommendFor(long alertId, int track, FighterFix fix) {
        List<Recommendation> list = rank(fix);
        if (list == null) return;
        recommended.put(alertId, list);
        recommendedOn.put(alertId, new long[] {track, now});
        planned(track, fix);
        List<QraEvent.RankedUnit> units = new ArrayList<>(list.size());
        for (Recommendation r : list) units.add(rankedUnit(r));
        emit(new QraEvent.Recommended(now, trackOrNull(track), alertId, targetOf(fix), units));
    }

    private List<Recommendation> rank(FighterFix fix) {
        if (!target(fix)) return null;
        List<InterceptRanking.Entry> entries = ranking.rank(posture, path, config.options(), epochMs());
        List<Recommendation> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            InterceptRanking.Entry e = entries.get(i);
            spread(e.unit(), posture.profileOf(e.unit()), fix, e.solution());
            out.add(new Recommendation(i + 1, e.unit(), e.solution()));
        }
        return out;
    }

    /** Sets {@link #path} from a fix; false when the fix cannot make a path (no speed or track). */
    private boolean target(FighterFix fix) {
        double gs = Double.isNaN(fix.groundSpeedKt) ? 0 : fix.groundSpeedKt;
        double trk = Double.isNaN(fix.trackDeg) ? 0 : fix.trackDeg;
        double alt = Double.isNaN(fix.altitudeFt) ? config.primaryOnlyLevelFt() : fix.altitudeFt;
        try {
            path.straight(fix.latDeg, fix.lonDeg, Math.max(0, alt), Math.min(gs, 4999), trk);
            return true;
        } catch (IllegalArgumentException e) {
            rejectedUpdates++;
            return false;
        }
    }

    // ------------------------------------------------------------------ actions

    /** Operator: proposes {@code unitId} against {@code track} (for alert {@code alertId}, 0 if none). */
    public Result propose(long alertId, int track, String unitId, String user, Gate gate) {
        return propose(alertId, track, unitId, Scramble.ALPHA, user, gate);
    }

    /** Operator: proposes an Alpha (real) or a Tango (exercise) scramble; {@code category} null means Alpha. */
    public Result propose(long alertId, int track, String unitId, String category, String user, Gate gate) {
        String cat = category == null ? Scramble.ALPHA : category.strip().toUpperCase(Locale.ROOT);
        if (!cat.equals(Scramble.ALPHA) && !cat.equals(Scramble.TANGO))
            return Result.invalid("category must be ALPHA or TANGO, not '" + category + "'");
        if (now == Long.MIN_VALUE) return Result.refused("no data yet");
        Detachment d = unit(unitId);
        if (d == null) return Result.notFound("no unit '" + unitId + "'");
        FighterFix fix = fixOf(track);
        if (fix == null) fix = watch(track);
        if (!fix.known()) return Result.refused("track " + track + " has no position yet");
        for (Scramble s : scrambles) {
            if (s.unitId.equals(unitId) && !s.phase.ended())
                return Result.refused("unit " + unitId + " already tasked by " + s.id);
        }
        if (!gate.allow("S-" + nextId, exercise(cat) + "propose " + unitId + " against track " + track))
            return UNAUDITED;
        Scramble s = new Scramble("S-" + nextId++, alertId, track, unitId, cat);
        solve(d, fix, s.proposal);
        announced(s, s.proposal, now);
        planned(track, fix);
        s.proposedBy = user;
        s.proposedNanos = now;
        s.enter(ScramblePhase.PROPOSED, now);
        scrambles.add(s);
        emit(new QraEvent.Proposed(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                user,
                plan(s.proposal, now)));
        return Result.ok(s.id);
    }

    /** Supervisor: orders a proposed scramble (Alpha). Launches the fighters and takes them off the alert count. */
    public Result order(String id, String user, Gate gate) {
        Scramble s = find(id);
        if (s == null) return Result.notFound("no scramble " + id);
        if (s.phase != ScramblePhase.PROPOSED)
            return Result.refused(id + " is " + s.phase.wireName() + ", not proposed");
        Detachment d = unit(s.unitId);
        if (d == null) return Result.refused("unit " + s.unitId + " left the posture");
        FighterFix fix = watch(s.targetTrack);
        solve(d, fix, s.predicted);
        if (!s.predicted.feasible) {
            return Result.refused(s.unitId + " cannot intercept: " + s.predicted.reason.text());
        }
        if (!gate.allow(
                s.id,
                (Scramble.TANGO.equals(s.category) ? "Tango (exercise) scramble " : "Alpha scramble ") + s.unitId
                        + " against track " + s.targetTrack + ", intercept in "
                        + Math.round(s.predicted.timeS / 60) + " min")) return UNAUDITED;
        s.orderedBy = user;
        s.orderedNanos = now;
        s.predictedInterceptNanos = now + Math.round(s.predicted.timeS * 1e9);
        s.latest.copyFrom(s.predicted);
        announced(s, s.predicted, now);
        planned(s.targetTrack, fix);
        AircraftProfile profile = posture.profileOf(d);
        s.levelFt = s.predicted.altitudeFt;
        s.timeToAirborneS = s.predicted.timeToAirborneS;
        s.climbTimeS = s.predicted.climbTimeS;
        s.climbDistanceM = profile.climbDistanceM(d.base().elevationFt(), s.levelFt);
        s.lastSolveNanos = now;
        s.enter(ScramblePhase.ORDERED, now);
        s.committed = d.count();
        posture.setCount(d.id(), 0, epochMs()); // readiness: the unit's aircraft are committed
        s.launchPending = true; // launched by the next tick, on the thread that runs the data (and the simulator)
        link(s, d);
        emit(new QraEvent.Ordered(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                user,
                s.proposedBy,
                plan(s.predicted, now)));
        emit(new QraEvent.ReadinessChanged(now, d.id(), 0, s.committed, s.id, s.category));
        return Result.ok(s.id);
    }

    /** Supervisor: sends the fighters of a scramble against another track (re-solved from where the lead is). */
    public Result retask(String id, int newTrack, String user, Gate gate) {
        Scramble s = find(id);
        if (s == null) return Result.notFound("no scramble " + id);
        if (s.phase.ended() || s.phase == ScramblePhase.RTB) return Result.refused(id + " is " + s.phase.wireName());
        FighterFix fix = fixOf(newTrack);
        if (fix == null) fix = watch(newTrack);
        if (!fix.known()) return Result.refused("track " + newTrack + " has no position yet");
        if (!gate.allow(s.id, exercise(s.category) + "re-task to track " + newTrack)) return UNAUDITED;
        int old = s.targetTrack;
        s.targetTrack = newTrack;
        s.interceptNanos = Long.MIN_VALUE;
        s.holdingSinceNanos = Long.MIN_VALUE;
        s.lastSolveNanos = Long.MIN_VALUE; // re-solve at the next tick
        planned(newTrack, fix);
        if (s.phase.ordinal() > ScramblePhase.EN_ROUTE.ordinal()) s.phase = ScramblePhase.EN_ROUTE;
        emit(new QraEvent.Retasked(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                old,
                user)); // the next tick re-solves against the new target and steers
        return Result.ok(s.id);
    }

    /** Supervisor: cancels a scramble before it has landed; fighters in the air return to base. */
    public Result cancel(String id, String user, String reason, Gate gate) {
        Scramble s = find(id);
        if (s == null) return Result.notFound("no scramble " + id);
        if (s.phase.ended()) return Result.refused(id + " already " + s.phase.wireName());
        if (!gate.allow(s.id, exercise(s.category) + (reason == null ? "cancel" : "cancel: " + reason)))
            return UNAUDITED;
        s.cancelledBy = user;
        s.cancelReason = reason;
        boolean flying = s.phase.flying(); // in the air: cancelling means coming home
        emit(new QraEvent.Cancelled(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                user,
                reason,
                flying ? "rtb" : null));
        if (flying) {
            s.rtbOrdered = true;
            s.rtbBy = user;
            phase(s, ScramblePhase.RTB);
        } else {
            s.enter(ScramblePhase.CANCELLED, now);
            release(s);
            s.launchPending = false;
            s.removePending = true; // aircraft on the runway (simulated) are taken away by the next tick
        }
        return Result.ok(s.id);
    }

    /** Supervisor: orders the fighters back to base. */
    public Result returnToBase(String id, String user, Gate gate) {
        Scramble s = find(id);
        if (s == null) return Result.notFound("no scramble " + id);
        if (!s.phase.flying()) return Result.refused(id + " is " + s.phase.wireName() + ", not in the air");
        if (s.phase == ScramblePhase.RTB) return Result.refused(id + " already returning");
        if (!gate.allow(s.id, exercise(s.category) + "return to base")) return UNAUDITED;
        s.rtbOrdered = true;
        s.rtbBy = user;
        phase(s, ScramblePhase.RTB);
        return Result.ok(s.id);
    }

    /** Supervisor: enters the outcome (identified as, action taken). ESCORT as action turns holding into escort. */
    public Result outcome(String id, String identifiedAs, String action, String user, Gate gate) {
        Scramble s = find(id);
        if (s == null) return Result.notFound("no scramble " + id);
        if (s.phase.ordinal() < ScramblePhase.ORDERED.ordinal() || s.phase == ScramblePhase.CANCELLED) {
            return Result.refused(id + " is " + s.phase.wireName());
        }
        if (blank(identifiedAs) && blank(action)) return Result.invalid("identifiedAs or action required");
        if (!gate.allow(s.id, exercise(s.category) + "outcome: " + identifiedAs + " / " + action)) return UNAUDITED;
        s.outcomeIdentifiedAs = blank(identifiedAs) ? s.outcomeIdentifiedAs : identifiedAs.strip();
        s.outcomeAction = blank(action) ? s.outcomeAction : action.strip();
        s.outcomeBy = user;
        s.outcomeNanos = now;
        emit(new QraEvent.Outcome(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                s.outcomeIdentifiedAs,
                s.outcomeAction,
                user));
        if (s.phase == ScramblePhase.SHADOW
                && s.outcomeAction != null
                && s.outcomeAction.toLowerCase(Locale.ROOT).startsWith("escort")) {
            phase(s, ScramblePhase.ESCORT);
        }
        return Result.ok(s.id);
    }

    /**
     * Operator: the pilot's visual identification report, relayed (radio) by the operator. At the
     * target (intercept, identification, shadow, escort) only; the first report moves an intercept
     * into IDENTIFICATION; each is a {@code scramble.outcome} with {@code action} "visual identification".
     */
    public Result visualId(String id, String identifiedAs, String user, Gate gate) {
        Scramble s = find(id);
        if (s == null) return Result.notFound("no scramble " + id);
        if (blank(identifiedAs)) return Result.invalid("identifiedAs required");
        boolean atTarget = s.phase == ScramblePhase.INTERCEPT
                || s.phase == ScramblePhase.IDENTIFICATION
                || s.phase == ScramblePhase.SHADOW
                || s.phase == ScramblePhase.ESCORT;
        if (!atTarget) return Result.refused(id + " is " + s.phase.wireName() + ", not at the target");
        if (!gate.allow(s.id, exercise(s.category) + "visual identification: " + identifiedAs)) return UNAUDITED;
        s.outcomeIdentifiedAs = identifiedAs.strip();
        s.outcomeBy = user;
        s.outcomeNanos = now;
        if (s.phase == ScramblePhase.INTERCEPT) phase(s, ScramblePhase.IDENTIFICATION);
        emit(new QraEvent.Outcome(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                s.outcomeIdentifiedAs,
                "visual identification",
                user));
        return Result.ok(s.id);
    }

    /**
     * Proposes a hand-over when the target crosses from one nation's area into another's: to the
     * best-ranked unit based in the new area (docs/QRA.md "Hand-over"). Once per crossing.
     */
    private void watchBoundary(Scramble s, FighterFix target) {
        String area = areas.nationAt(target.latDeg, target.lonDeg);
        if (area == null || area.equals(s.targetArea)) return;
        String from = s.targetArea;
        s.targetArea = area;
        if (from == null) return; // the first area seen: nothing crossed yet
        List<Recommendation> ranked = rank(target);
        String best = null;
        if (ranked != null) {
            for (Recommendation r : ranked) {
                Base b = r.unit().base();
                if (r.solution().feasible && area.equals(areas.nationAt(b.latDeg(), b.lonDeg()))) {
                    best = r.unit().id();
                    break;
                }
            }
        }
        s.handOverNation = area;
        s.handOverUnit = best;
        emit(new QraEvent.HandOver(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                "proposed",
                from,
                area,
                best,
                null));
    }

    /**
     * Supervisor: hands the intercept over as proposed (the other nation's unit takes it); the fighters
     * return, and the receiving unit's scramble against the same track and alert is proposed (same
     * category) for the supervisor to order as usual. The audit row of the hand-over names that unit.
     */
    public Result handOver(String id, String user, Gate gate) {
        Scramble s = find(id);
        if (s == null) return Result.notFound("no scramble " + id);
        if (s.handOverNation == null) return Result.refused(id + " has no hand-over proposed");
        if (!s.phase.flying() || s.phase == ScramblePhase.RTB || s.phase == ScramblePhase.HAND_OVER)
            return Result.refused(id + " is " + s.phase.wireName());
        if (!gate.allow(
                s.id,
                exercise(s.category) + "hand over to " + s.handOverNation
                        + (s.handOverUnit == null ? "" : " " + s.handOverUnit + ", proposing its scramble")))
            return UNAUDITED;
        phase(s, ScramblePhase.HAND_OVER);
        emit(new QraEvent.HandOver(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                "done",
                null,
                s.handOverNation,
                s.handOverUnit,
                user));
        if (s.handOverUnit != null) {
            // the hand-over itself was audited above, naming the unit: the proposal is part of it
            Result taken = propose(s.alertId, s.targetTrack, s.handOverUnit, s.category, user, Gate.OPEN);
            s.handOverScramble = taken.ok() ? taken.scrambleId() : null;
        }
        return Result.ok(s.id);
    }

    // ------------------------------------------------------------------ restart

    /**
     * Brings the scramble workflow's state in line with its recorded events after a restart rebuild
     * (docs/REPLAY.md "Restart"): the rebuild carries the operators' actions out again (proposals,
     * orders, cancels...), but the phases the workflow followed between its ticks are not in the raw
     * input, so each scramble takes the phase, phase times and callsigns its last stored events give.
     * Nothing is emitted (the events are stored already). Scrambles the store knows and the rebuild did
     * not make (a rebuild from a window of the recording) are not invented.
     *
     * @param recorded the stored scramble events, oldest first
     * @return scrambles whose state was changed
     */
    public int restore(List<QraEvent> recorded) {
        int changed = 0;
        Map<String, List<QraEvent>> byId = new LinkedHashMap<>();
        for (QraEvent e : recorded) {
            String id = scrambleOf(e);
            if (id != null) byId.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<QraEvent>> en : byId.entrySet()) {
            Scramble s = find(en.getKey());
            if (s == null) continue;
            ScramblePhase phase = s.phase;
            Map<ScramblePhase, Long> times = new java.util.EnumMap<>(ScramblePhase.class);
            String[] callsigns = s.callsigns;
            for (QraEvent e : en.getValue()) {
                ScramblePhase p = phaseAfter(e);
                if (p == null) continue;
                phase = p;
                times.putIfAbsent(p, e.time());
                if (e instanceof QraEvent.PhaseChanged c
                        && c.callsigns() != null
                        && !c.callsigns().isEmpty()) callsigns = c.callsigns().toArray(new String[0]);
                if (e instanceof QraEvent.Cancelled c) s.cancelledBy = c.user();
                if (e instanceof QraEvent.PhaseChanged c && c.user() != null) s.rtbBy = c.user();
            }
            // ordered and not known to be in the air: launch at the next tick. Ticks with nothing
            // attached no longer consume a launch (Fighters.launch answers null); this re-arms one
            // consumed by a "launched none" or by a store written before that
            boolean relaunch = phase == ScramblePhase.ORDERED && callsigns.length == 0 && !s.launchPending;
            if (relaunch) s.launchPending = true;
            if (phase == s.phase && times.keySet().equals(s.phaseTimes.keySet())) {
                if (relaunch) changed++;
                continue;
            }
            s.phase = phase;
            s.phaseTimes.putAll(times);
            s.callsigns = callsigns;
            if (phase.ordinal() > ScramblePhase.ORDERED.ordinal()) s.launchPending = false; // launched before the stop
            if (phase.ended()) {
                s.launchPending = false;
                Detachment d = unit(s.unitId);
                if (d != null && s.committed > 0)
                    posture.setCount( // as release, silently, dated when the scramble ended
                            d.id(), d.count() + s.committed, Math.floorDiv(times.getOrDefault(phase, now), 1_000_000L));
                s.committed = 0;
            }
            changed++;
        }
        return changed;
    }

    private static String scrambleOf(QraEvent e) {
        if (e instanceof QraEvent.Proposed p) return p.scramble();
        if (e instanceof QraEvent.Ordered p) return p.scramble();
        if (e instanceof QraEvent.PhaseChanged p) return p.scramble();
        if (e instanceof QraEvent.Retasked p) return p.scramble();
        if (e instanceof QraEvent.Outcome p) return p.scramble();
        if (e instanceof QraEvent.Cancelled p) return p.scramble();
        if (e instanceof QraEvent.HandOver p) return p.scramble();
        return null;
    }

    /** The phase a scramble is in after {@code e}; a cancel on the ground ends it there (no phase event follows). */
    private static ScramblePhase phaseAfter(QraEvent e) {
        String wire;
        if (e instanceof QraEvent.Cancelled c) wire = c.then() == null ? "cancelled" : null;
        else if (e instanceof QraEvent.Proposed p) wire = p.phase();
        else if (e instanceof QraEvent.Ordered p) wire = p.phase();
        else if (e instanceof QraEvent.PhaseChanged p) wire = p.phase();
        else if (e instanceof QraEvent.Retasked p) wire = p.phase();
        else wire = null;
        if (wire == null) return null;
        for (ScramblePhase p : ScramblePhase.values()) if (p.wireName().equals(wire)) return p;
        return null;
    }

    // ------------------------------------------------------------------ posture (supervisor)

    public Result addDetachment(Detachment d, String user, Gate gate) {
        if (unit(d.id()) != null) return Result.refused("unit " + d.id() + " already exists");
        if (posture.profileOf(d) == null) return Result.invalid("no performance profile for type " + d.aircraftType());
        if (!gate.allow(d.id(), "add detachment at " + d.base().icao())) return UNAUDITED;
        try {
            posture.addDetachment(d);
        } catch (IllegalArgumentException e) {
            return Result.invalid(e.getMessage());
        }
        postureEvent("add", d.id(), user, "base " + d.base().icao());
        return Result.ok(d.id());
    }

    public Result moveDetachment(String id, Base base, String user, Gate gate) {
        if (unit(id) == null) return Result.notFound("no unit '" + id + "'");
        if (!gate.allow(id, "move to " + base.icao())) return UNAUDITED;
        posture.moveDetachment(id, base);
        postureEvent("move", id, user, "base " + base.icao());
        return Result.ok(id);
    }

    public Result removeDetachment(String id, String user, Gate gate) {
        if (unit(id) == null) return Result.notFound("no unit '" + id + "'");
        for (Scramble s : scrambles)
            if (s.unitId.equals(id) && !s.phase.ended()) return Result.refused("unit " + id + " is tasked by " + s.id);
        if (!gate.allow(id, "remove detachment")) return UNAUDITED;
        posture.removeDetachment(id);
        postureEvent("remove", id, user, null);
        return Result.ok(id);
    }

    public Result setReadiness(String id, Readiness readiness, CapStation cap, String user, Gate gate) {
        if (unit(id) == null) return Result.notFound("no unit '" + id + "'");
        if (readiness == Readiness.AIRBORNE_CAP && cap == null)
            return Result.invalid("AIRBORNE-CAP needs a CAP station");
        if (!gate.allow(id, "readiness " + readiness.label())) return UNAUDITED;
        try {
            posture.setReadiness(id, readiness, cap, epochMs()); // dated: the weekly report reads it by date
        } catch (IllegalArgumentException e) {
            return Result.invalid(e.getMessage());
        }
        postureEvent("readiness", id, user, readiness.label());
        return Result.ok(id);
    }

    /** A copy of the posture (what-if studies, views). */
    public Posture postureCopy() {
        return posture.copy();
    }

    // ------------------------------------------------------------------ following a flying scramble

    private void follow(Scramble s) {
        Detachment d = unit(s.unitId);
        boolean known = fighters.lead(s.id, now, s.lead) || (s.fighterTrack != 0 && s.lead.known());
        FighterFix target = fixOf(s.targetTrack);
        if (s.phase == ScramblePhase.ORDERED) {
            if (known && s.lead.timeNanos >= s.orderedNanos) phase(s, ScramblePhase.AIRBORNE);
            else return;
        }
        if (!known) return;
        burn(s, d);
        double sinceOrderS = (now - s.orderedNanos) / 1e9;
        if (s.phase == ScramblePhase.AIRBORNE && s.lead.altitudeFt >= s.levelFt - 1000)
            phase(s, ScramblePhase.EN_ROUTE);
        if (s.phase == ScramblePhase.HAND_OVER) { // handed over: the fighters come home
            s.rtbOrdered = true;
            phase(s, ScramblePhase.RTB);
        }
        if (s.phase == ScramblePhase.RTB) {
            flyHome(s, d);
            return;
        }
        if (d != null && fuelOut(s, d)) {
            s.rtbOrdered = true;
            phase(s, ScramblePhase.RTB);
            return;
        }
        if (target == null || !target.known()) return;
        watchBoundary(s, target);
        double distNm = Sphere.distanceM(target.latDeg, target.lonDeg, s.lead.latDeg, s.lead.lonDeg) / Units.NM;
        if (s.phase == ScramblePhase.AIRBORNE || s.phase == ScramblePhase.EN_ROUTE) {
            if (distNm <= config.interceptNm() && behindBeam(target, s.lead)) {
                s.interceptNanos = now;
                s.holdingSinceNanos = now;
                phase(s, ScramblePhase.INTERCEPT);
                fighters.holdOn(s.id, target);
                return;
            }
            if (s.lastSolveNanos == Long.MIN_VALUE || now - s.lastSolveNanos >= (long) (config.resolveS() * 1e9)) {
                if (resolve(s, d, target, sinceOrderS)) announce(s, "periodic");
            }
            return;
        }
        // INTERCEPT, IDENTIFICATION, SHADOW, ESCORT: holding station?
        if (distNm > config.holdNm()) {
            s.holdingSinceNanos = Long.MIN_VALUE;
        } else if (s.holdingSinceNanos == Long.MIN_VALUE) {
            s.holdingSinceNanos = now;
        }
        if ((s.phase == ScramblePhase.INTERCEPT || s.phase == ScramblePhase.IDENTIFICATION)
                && s.holdingSinceNanos != Long.MIN_VALUE
                && now - s.holdingSinceNanos >= (long) (config.shadowAfterS() * 1e9)) {
            boolean escort = s.outcomeAction != null
                    && s.outcomeAction.toLowerCase(Locale.ROOT).startsWith("escort");
            phase(s, escort ? ScramblePhase.ESCORT : ScramblePhase.SHADOW);
        }
    }

    /**
     * Re-solves from the lead's position (as an airborne start with no launch delay) against the
     * target's latest track and steers the lead on the new heading: lead pursuit of the stern point.
     * Until the plan's climb is over the lead is held to the climb's mean ground speed, so that it is
     * where the plan said at the end of the climb.
     */
    private boolean resolve(Scramble s, Detachment d, FighterFix target, double sinceOrderS) {
        if (d == null) return false;
        s.lastSolveNanos = now;
        Detachment from = airborneFrom(s, d);
        if (!target(target)) return false;
        solver.solve(from, posture.profileOf(d), path, config.options(), epochMs(), s.latest);
        spread(from, posture.profileOf(d), target, s.latest);
        if (!s.latest.feasible) return true; // keep the last heading: the target may turn back into reach
        boolean climbing = sinceOrderS < s.timeToAirborneS + s.climbTimeS;
        double gs = climbing ? climbSpeedKt(s) : speedNowMps(s.latest) / KT;
        fighters.steer(s.id, s.latest.headingDeg, s.levelFt, gs);
        return true;
    }

    /**
     * The speed the plan flies now: subsonic while its subsonic leg lasts, then its dash (the plan
     * from the lead is made again every {@link ScrambleConfig#resolveS}, so the dash starts within
     * half of that of where the plan puts it).
     */
    private double speedNowMps(InterceptSolution p) {
        if (!p.supersonic || Double.isNaN(p.subsonicLegM)) return p.speedMps;
        return p.subsonicLegM > p.subsonicMps * config.resolveS() / 2 ? p.subsonicMps : p.speedMps;
    }

    // ------------------------------------------------------------------ re-planning

    private static final byte NONE = 0, COURSE = 1, SPEED = 2, LEVEL = 3, PERIODIC = 4;
    private static final String[] TRIGGERS = {null, "course", "speed", "level", "periodic"};

    /** Hot path: which threshold the target's change from the last plan's state crossed, or NONE. */
    private byte significantChange(FighterFix f, FighterFix ref) {
        if (ref.timeNanos == Long.MIN_VALUE) return NONE;
        ScrambleConfig.Replan r = config.replan();
        if (!Double.isNaN(f.trackDeg)
                && !Double.isNaN(ref.trackDeg)
                && Math.abs(Angles.norm180(f.trackDeg - ref.trackDeg)) >= r.courseDeg()) return COURSE;
        if (Math.abs(orZero(f.groundSpeedKt) - orZero(ref.groundSpeedKt)) >= r.speedKt()) return SPEED;
        if (!Double.isNaN(f.altitudeFt)
                && !Double.isNaN(ref.altitudeFt)
                && Math.abs(f.altitudeFt - ref.altitudeFt) >= r.levelFt()) return LEVEL;
        return NONE;
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Remembers the target state a plan on {@code track} was made on (the re-planning thresholds' reference). */
    private void planned(int track, FighterFix fix) {
        for (int i = 0; i < watches; i++) {
            if (watchTrack[i] != track) continue;
            FighterFix ref = watchRef[i];
            ref.set(fix.timeNanos, fix.latDeg, fix.lonDeg, fix.altitudeFt, fix.groundSpeedKt, fix.trackDeg);
            watchPlannedAt[i] = now;
            watchTrigger[i] = NONE;
        }
    }

    /**
     * Re-plans every watched target whose track crossed a threshold since its last plan, or whose
     * last plan is {@link ScrambleConfig.Replan#everyS} old: its alerts' recommendations and its
     * scrambles before take-off (a flying scramble is re-solved every {@link ScrambleConfig#resolveS}
     * anyway, and at once on a threshold).
     */
    private void replanDue() {
        long every = (long) (config.replan().everyS() * 1e9);
        for (int i = 0; i < watches; i++) {
            byte trigger = watchTrigger[i];
            FighterFix fix = watchFix[i];
            if (!fix.known()) continue;
            if (trigger == NONE && watchRef[i].timeNanos != Long.MIN_VALUE && now - watchPlannedAt[i] >= every)
                trigger = PERIODIC;
            if (trigger == NONE) continue;
            int track = watchTrack[i];
            planned(track, fix);
            replan(track, fix, trigger);
        }
    }

    private void replan(int track, FighterFix fix, byte trigger) {
        String why = TRIGGERS[trigger];
        for (int k = 0; k < scrambles.size(); k++) {
            Scramble s = scrambles.get(k);
            if (s.targetTrack != track || s.phase.ended()) continue;
            Detachment d = unit(s.unitId);
            if (d == null) continue;
            if (s.phase == ScramblePhase.PROPOSED || s.phase == ScramblePhase.ORDERED) {
                replanOnGround(s, d, fix);
                announce(s, why);
            } else if ((s.phase == ScramblePhase.AIRBORNE || s.phase == ScramblePhase.EN_ROUTE)
                    && trigger != PERIODIC
                    && s.lead.known()) {
                if (resolve(s, d, fix, (now - s.orderedNanos) / 1e9)) announce(s, why);
            }
        }
        if (recommendedOn.isEmpty()) return;
        for (Map.Entry<Long, long[]> e : recommendedOn.entrySet()) {
            if (e.getValue()[0] == track) rerank(e.getKey(), e.getValue(), track, fix, why);
        }
    }

    /**
     * Before take-off: solves from the base again. An ordered scramble's launch delay is what is left
     * of it since the order (its aircraft are committed, so the unit is solved with them).
     */
    private void replanOnGround(Scramble s, Detachment d, FighterFix fix) {
        Detachment from = d;
        if (s.phase == ScramblePhase.ORDERED) {
            double left = Math.max(0, s.timeToAirborneS - (now - s.orderedNanos) / 1e9);
            boolean cap = d.readiness() == Readiness.AIRBORNE_CAP;
            from = new Detachment(
                    d.id(),
                    d.nation(),
                    d.base(),
                    d.aircraftType(),
                    Math.max(1, s.committed),
                    cap ? Readiness.AIRBORNE_CAP : Readiness.QRA_15,
                    d.cap(),
                    null,
                    left);
        }
        solve(from, fix, s.latest);
        s.lastSolveNanos = now;
    }

    /**
     * Emits a {@code scramble.replanned} when the latest plan moved from the announced one beyond
     * the announce thresholds (or feasibility flipped), and advises abort / return when the
     * intercept became impossible.
     */
    private void announce(Scramble s, String trigger) {
        InterceptSolution next = s.latest;
        long at = next.feasible ? s.lastSolveNanos + Math.round(next.timeS * 1e9) : Long.MIN_VALUE;
        if (!moved(s.announced, s.announcedAtNanos, next, at)) return;
        emit(new QraEvent.Replanned(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                trigger,
                intercept(s.unitId, s.announced, s.announcedAtNanos),
                intercept(s.unitId, next, at)));
        boolean lost = s.announced.feasible && !next.feasible;
        announced(s, next, s.lastSolveNanos);
        if (lost) {
            advise(s, s.phase.flying() ? "return" : "abort", next.reason == null ? null : next.reason.text());
        } else if (next.feasible) {
            s.advice = null;
            s.adviceReason = null;
        }
    }

    private void advise(Scramble s, String advice, String reason) {
        s.advice = advice;
        s.adviceReason = reason;
        emit(new QraEvent.Advised(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                advice,
                reason));
    }

    private static void announced(Scramble s, InterceptSolution plan, long solvedNanos) {
        s.announced.copyFrom(plan);
        s.announcedAtNanos = plan.feasible ? solvedNanos + Math.round(plan.timeS * 1e9) : Long.MIN_VALUE;
    }

    /** True when {@code b} (intercept at {@code bAt}) differs from {@code a} enough to announce. */
    private boolean moved(InterceptSolution a, long aAt, InterceptSolution b, long bAt) {
        if (a.feasible != b.feasible) return true;
        if (!a.feasible) return false;
        ScrambleConfig.Replan r = config.replan();
        if (Math.abs(bAt - aAt) >= (long) (r.announceS() * 1e9)) return true;
        return Sphere.distanceM(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg) >= r.announceNm() * Units.NM;
    }

    /** Re-ranks an alert's recommendation (the operator's stored one is replaced) and announces a moved best unit. */
    private void rerank(long alertId, long[] on, int track, FighterFix fix, String trigger) {
        List<Recommendation> old = recommended.get(alertId);
        List<Recommendation> list = rank(fix);
        if (list == null || list.isEmpty()) return;
        long oldAt = on[1];
        recommended.put(alertId, list);
        on[1] = now;
        if (old == null || old.isEmpty()) return;
        Recommendation a = old.get(0), b = list.get(0);
        long aAt = a.solution().feasible ? oldAt + Math.round(a.solution().timeS * 1e9) : Long.MIN_VALUE;
        long bAt = b.solution().feasible ? now + Math.round(b.solution().timeS * 1e9) : Long.MIN_VALUE;
        if (a.unit().id().equals(b.unit().id()) && !moved(a.solution(), aAt, b.solution(), bAt)) return;
        emit(new QraEvent.Replanned(
                now,
                trackOrNull(track),
                null,
                null,
                b.unit().id(),
                alertId,
                null,
                trigger,
                intercept(a.unit().id(), a.solution(), aAt),
                intercept(b.unit().id(), b.solution(), bAt)));
    }

    private static QraEvent.Intercept intercept(String unit, InterceptSolution p, long atNanos) {
        if (!p.feasible)
            return new QraEvent.Intercept(
                    unit, false, p.reason == null ? null : p.reason.text(), null, null, null, null);
        return new QraEvent.Intercept(
                unit,
                true,
                null,
                atNanos == Long.MIN_VALUE ? null : atNanos,
                round5(p.latDeg),
                round5(p.lonDeg),
                Double.isNaN(p.timeSpreadS) ? null : round1(p.timeSpreadS));
    }

    /**
     * Fuel as the solver counts it (docs/QRA.md "Fuel"): radius-equivalent metres, the combat radius
     * being half the budget (out and back with the reserve); a supersonic metre costs 1 / the
     * profile's supersonic factor. The lead's ground track since the last fix is burnt; the first
     * fix burns the way from the base (the climb).
     */
    private void burn(Scramble s, Detachment d) {
        AircraftProfile p = d == null ? null : posture.profileOf(d);
        if (p == null) return;
        double fromLat = Double.isNaN(s.fuelLat) ? d.base().latDeg() : s.fuelLat;
        double fromLon = Double.isNaN(s.fuelLat) ? d.base().lonDeg() : s.fuelLon;
        double m = Sphere.distanceM(fromLat, fromLon, s.lead.latDeg, s.lead.lonDeg);
        double level = Double.isNaN(s.lead.altitudeFt) ? s.levelFt : s.lead.altitudeFt;
        boolean supersonic =
                !Double.isNaN(p.supersonicTasMps(level)) && s.lead.groundSpeedKt * KT > p.subsonicTasMps(level) * 1.05;
        s.fuelUsedM += supersonic ? m / p.supersonicRadiusFactor() : m;
        s.fuelBudgetM = 2 * p.combatRadiusNm() * Units.NM;
        s.fuelLat = s.lead.latDeg;
        s.fuelLon = s.lead.lonDeg;
    }

    /**
     * Endurance that leaves the fuel to come home: a re-solve from the lead may go out
     * {@code (budget - used - lead-to-base) / 2} (there and back to the lead, which is never shorter
     * than the way to the base from the intercept point), written as the CAP endurance the solver takes.
     */
    private double enduranceLeftS(Scramble s, Detachment d) {
        AircraftProfile p = posture.profileOf(d);
        if (p == null || s.fuelBudgetM == 0) return 4 * 3600.0;
        double home = Sphere.distanceM(
                s.lead.latDeg, s.lead.lonDeg, d.base().latDeg(), d.base().lonDeg());
        double radius = Math.max(0, (s.fuelBudgetM - s.fuelUsedM - home) / 2);
        return 2 * radius / p.subsonicTasMps(s.levelFt);
    }

    private double climbSpeedKt(Scramble s) {
        return s.climbTimeS > 0 ? s.climbDistanceM / s.climbTimeS / KT : s.predicted.speedMps / KT;
    }

    private void flyHome(Scramble s, Detachment d) {
        Base b = d != null ? d.base() : null;
        if (b == null) return;
        double distNm = Sphere.distanceM(s.lead.latDeg, s.lead.lonDeg, b.latDeg(), b.lonDeg()) / Units.NM;
        if (distNm <= config.landedNm() && s.lead.altitudeFt <= b.elevationFt() + config.landedAglFt()) {
            phase(s, ScramblePhase.LANDED);
            fighters.landed(s.id);
            release(s);
            return;
        }
        if (s.lastSolveNanos == Long.MIN_VALUE || now - s.lastSolveNanos >= (long) (config.resolveS() * 1e9)) {
            s.lastSolveNanos = now;
            double level = distNm < 40 ? b.elevationFt() + Math.max(0, (distNm - 1) * 300) : Double.NaN;
            fighters.steer(
                    s.id,
                    Sphere.bearingDeg(s.lead.latDeg, s.lead.lonDeg, b.latDeg(), b.lonDeg()),
                    level,
                    distNm < 15 ? 250 : 420);
        }
    }

    /** Beyond the combat radius from base (return and reserve are included in it): time to go home. */
    private boolean fuelOut(Scramble s, Detachment d) {
        AircraftProfile p = posture.profileOf(d);
        if (p == null) return false;
        double fromBase = Sphere.distanceM(d.base().latDeg(), d.base().lonDeg(), s.lead.latDeg, s.lead.lonDeg);
        // bingo: the fuel used and the way home make the whole budget (the pilot's own call)
        return fromBase > p.combatRadiusNm() * Units.NM
                || (s.fuelBudgetM > 0 && s.fuelUsedM + fromBase >= s.fuelBudgetM);
    }

    private static boolean behindBeam(FighterFix target, FighterFix lead) {
        if (Double.isNaN(target.trackDeg)) return true;
        double brg = Sphere.bearingDeg(target.latDeg, target.lonDeg, lead.latDeg, lead.lonDeg);
        return Math.abs(Angles.norm180(brg - (target.trackDeg + 180))) <= 90;
    }

    private void phase(Scramble s, ScramblePhase p) {
        if (s.phase == p) return;
        ScramblePhase from = s.phase;
        s.enter(p, now);
        boolean lead = s.lead.known();
        boolean intercept = p == ScramblePhase.INTERCEPT;
        emit(new QraEvent.PhaseChanged(
                now,
                trackOrNull(s.targetTrack),
                s.id,
                s.category,
                s.unitId,
                alertOrNull(s),
                s.phase.wireName(),
                from.wireName(),
                lead ? round5(s.lead.latDeg) : null,
                lead ? round5(s.lead.lonDeg) : null,
                lead && !Double.isNaN(s.lead.altitudeFt) ? Math.round(s.lead.altitudeFt) : null,
                round1((now - s.orderedNanos) / 1e9),
                p == ScramblePhase.AIRBORNE && s.callsigns.length > 0 ? List.of(s.callsigns) : null,
                intercept && s.predictedInterceptNanos != Long.MIN_VALUE ? s.predictedInterceptNanos : null,
                intercept ? round1((s.predictedInterceptNanos - s.orderedNanos) / 1e9) : null,
                intercept ? round1((s.interceptNanos - s.predictedInterceptNanos) / 1e9) : null,
                p == ScramblePhase.RTB ? s.rtbBy : null));
    }

    private void release(Scramble s) {
        if (s.committed <= 0) return;
        Detachment d = unit(s.unitId);
        if (d != null) {
            posture.setCount(d.id(), d.count() + s.committed, epochMs());
            emit(new QraEvent.ReadinessChanged(now, d.id(), d.count() + s.committed, 0, s.id, s.category));
        }
        s.committed = 0;
    }

    private void link(Scramble s, Detachment d) {
        int[] addrs = unitAddresses.getOrDefault(d.id(), new int[0]);
        String stem = unitCallsigns.get(d.id());
        long packed = stem == null ? 0 : Callsigns.packOrNone(stem);
        int n = Math.max(addrs.length, packed != 0 ? 1 : 0);
        for (int i = 0; i < n; i++) {
            if (links == linkAddress.length) {
                int m = links * 2;
                linkAddress = java.util.Arrays.copyOf(linkAddress, m);
                linkCallsign = java.util.Arrays.copyOf(linkCallsign, m);
                linkMask = java.util.Arrays.copyOf(linkMask, m);
                linkScramble = java.util.Arrays.copyOf(linkScramble, m);
            }
            linkAddress[links] = i < addrs.length ? addrs[i] : -2;
            long mask = packed == 0 ? 0 : (0xFFFF_FFFF_FFFFL << (48 - 6 * stem.length())) & 0xFFFF_FFFF_FFFFL;
            linkMask[links] = mask;
            linkCallsign[links] = packed & mask;
            linkScramble[links] = s;
            links++;
        }
    }

    // ------------------------------------------------------------------ helpers

    private void solve(Detachment d, FighterFix fix, InterceptSolution out) {
        if (fix == null || !target(fix)) {
            out.copyFrom(new InterceptSolution());
            return;
        }
        solver.solve(d, posture.profileOf(d), path, config.options(), epochMs(), out);
        spread(d, posture.profileOf(d), fix, out);
    }

    // ------------------------------------------------------------------ uncertainty

    private final TargetPath sigmaPath = new TargetPath(1);
    private final InterceptSolution sigmaOut = new InterceptSolution();
    private final double[] shifted = new double[2];

    /**
     * The interval of a plan just solved on {@link #path} (docs/QRA.md "Uncertainty"): the solve is
     * repeated for the 8 sigma points of the target's state (position east/north with the track's
     * position sigma, velocity east/north with its covariance; unscented, kappa 0, so each is 2
     * sigma out and weighs 1/8), and the time's half-width is {@code sigmas} standard deviations of
     * the intercept time over them, widened by the model floor. Sigma points that cannot intercept
     * are left out. Also marks a plan made at the assumed primary-only level.
     */
    private void spread(Detachment d, AircraftProfile profile, FighterFix fix, InterceptSolution out) {
        out.levelAssumed = Double.isNaN(fix.altitudeFt);
        if (!out.feasible || !fix.hasUncertainty()) return;
        double gs = Math.min(orZero(fix.groundSpeedKt), 4999) * KT;
        double c = Math.toRadians(orZero(fix.trackDeg));
        double vE = gs * Math.sin(c), vN = gs * Math.cos(c);
        double l11 = Math.sqrt(Math.max(0, fix.velocityVarE));
        double l21 = l11 > 0 ? fix.velocityCovEN / l11 : 0;
        double l22 = Math.sqrt(Math.max(0, fix.velocityVarN - l21 * l21));
        double ps = Double.isNaN(fix.positionSigmaM) ? 0 : fix.positionSigmaM;
        double sumT = 0, sumP = 0, maxT = 0;
        int n = 0;
        for (int k = 0; k < 8; k++) {
            double sign = (k & 1) == 0 ? 2 : -2; // sqrt(n + kappa), n = 4
            double dpE = 0, dpN = 0, dvE = 0, dvN = 0;
            switch (k >> 1) {
                case 0 -> dpE = sign * ps;
                case 1 -> dpN = sign * ps;
                case 2 -> {
                    dvE = sign * l11;
                    dvN = sign * l21;
                }
                default -> dvN = sign * l22;
            }
            double lat = fix.latDeg, lon = fix.lonDeg;
            if (dpE != 0 || dpN != 0) {
                Sphere.destination(lat, lon, Math.toDegrees(Math.atan2(dpE, dpN)), Math.hypot(dpE, dpN), shifted);
                lat = shifted[0];
                lon = shifted[1];
            }
            double e = vE + dvE, nn = vN + dvN;
            double g = Math.min(Math.hypot(e, nn) / KT, 4999);
            double trk = Angles.norm360(Math.toDegrees(Math.atan2(e, nn)));
            try {
                sigmaPath.straight(lat, lon, path.altitudeFt(), g, trk);
            } catch (IllegalArgumentException ex) {
                continue;
            }
            solver.solve(d, profile, sigmaPath, config.options(), epochMs(), sigmaOut);
            if (!sigmaOut.feasible) continue;
            double dt = sigmaOut.timeS - out.timeS;
            double dp = Sphere.distanceM(out.latDeg, out.lonDeg, sigmaOut.latDeg, sigmaOut.lonDeg);
            sumT += dt * dt;
            sumP += dp * dp;
            maxT = Math.max(maxT, Math.abs(dt));
            n++;
        }
        if (n == 0) return;
        double k = config.uncertainty().sigmas();
        double model = config.uncertainty().modelFloor() * out.timeS;
        double conversion = config.uncertainty().conversionS();
        // a sigma point is 2 sigma out: half its deviation is one sigma along its axis. Taking the
        // largest when it exceeds the RMS covers a one-sided spread (a chase near the fuel limit,
        // where a point further out also shortens the dash) on that side
        double t = k * Math.max(Math.sqrt(sumT / n), maxT / 2);
        out.timeSpreadS = Math.sqrt(t * t + model * model + conversion * conversion);
        out.pointSpreadM = k * Math.sqrt(sumP / n);
    }

    private FighterFix fromTable(int track, FighterFix out) {
        int slot = track & (TABLE - 1);
        out.timeNanos = Long.MIN_VALUE;
        if (track != 0 && tableTrack[slot] == track) {
            out.set(tableTime[slot], tableLat[slot], tableLon[slot], tableAlt[slot], tableGs[slot], tableCourse[slot])
                    .uncertainty(tablePosSigma[slot], tableVarE[slot], tableCovEN[slot], tableVarN[slot]);
        }
        return out;
    }

    /**
     * Drops watched tracks no scramble or pending alert needs and not updated for {@link #WATCH_STALE_NS}
     * (a deleted alerted track), so the per-update scan stays short over a long run. Runs once a minute of data time.
     */
    private void pruneWatches() {
        if (lastPrune != Long.MIN_VALUE && now - lastPrune < 60_000_000_000L) return;
        lastPrune = now;
        int k = 0;
        for (int i = 0; i < watches; i++) {
            boolean keep = watchFix[i].timeNanos == Long.MIN_VALUE || now - watchFix[i].timeNanos < WATCH_STALE_NS;
            for (long[] p : pendingAlerts) keep |= p[1] == watchTrack[i];
            for (Scramble sc : scrambles) keep |= !sc.phase.ended() && sc.targetTrack == watchTrack[i];
            if (keep) {
                watchTrack[k] = watchTrack[i];
                watchRef[k] = watchRef[i];
                watchPlannedAt[k] = watchPlannedAt[i];
                watchTrigger[k] = watchTrigger[i];
                watchFix[k++] = watchFix[i];
            }
        }
        for (int i = k; i < watches; i++) {
            watchFix[i] = null;
            watchRef[i] = null;
        }
        watches = k;
    }

    private FighterFix watch(int track) {
        FighterFix f = fixOf(track);
        if (f != null) return f;
        if (watches == watchTrack.length) {
            watchTrack = java.util.Arrays.copyOf(watchTrack, watches * 2);
            watchFix = java.util.Arrays.copyOf(watchFix, watches * 2);
            watchRef = java.util.Arrays.copyOf(watchRef, watches * 2);
            watchPlannedAt = java.util.Arrays.copyOf(watchPlannedAt, watches * 2);
            watchTrigger = java.util.Arrays.copyOf(watchTrigger, watches * 2);
        }
        watchTrack[watches] = track;
        watchRef[watches] = new FighterFix();
        watchPlannedAt[watches] = Long.MIN_VALUE;
        watchTrigger[watches] = NONE;
        FighterFix fix = new FighterFix();
        int slot = track & (TABLE - 1);
        if (track != 0 && tableTrack[slot] == track) {
            fix.set(tableTime[slot], tableLat[slot], tableLon[slot], tableAlt[slot], tableGs[slot], tableCourse[slot])
                    .uncertainty(tablePosSigma[slot], tableVarE[slot], tableCovEN[slot], tableVarN[slot]);
        }
        watchFix[watches] = fix;
        return watchFix[watches++];
    }

    private FighterFix fixOf(int track) {
        for (int i = 0; i < watches; i++) if (watchTrack[i] == track) return watchFix[i];
        return null;
    }

    private Detachment unit(String id) {
        if (id == null) return null;
        for (Detachment d : posture.detachments()) if (d.id().equals(id)) return d;
        return null;
    }

    private Scramble find(String id) {
        for (Scramble s : scrambles) if (s.id.equals(id)) return s;
        return null;
    }

    private void advance(long t) {
        if (t != Long.MIN_VALUE && t > now) now = t;
    }

    private long epochMs() {
        return now == Long.MIN_VALUE ? 0 : Math.floorDiv(now, 1_000_000L);
    }

    /** Data time now, epoch nanoseconds (MIN_VALUE before any data). */
    public long now() {
        return now;
    }

    /** Track updates refused (bad position or a target that makes no path). */
    public long rejectedUpdates() {
        return rejectedUpdates;
    }

    /** The audit detail's mark of an exercise: every audited action on a Tango scramble says so. */
    private static String exercise(String category) {
        return Scramble.TANGO.equals(category) ? "Tango (exercise): " : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ------------------------------------------------------------------ views and events

    /** Every scramble as JSON-ready maps, newest first. */
    public List<Map<String, Object>> views() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = scrambles.size() - 1; i >= 0; i--) out.add(view(scrambles.get(i)));
        return out;
    }

    /** One scramble (the state, not a live object), or null. */
    public Map<String, Object> view(String id) {
        Scramble s = find(id);
        return s == null ? null : view(s);
    }

    /** Phase times and figures of one scramble for tests and reports; null when unknown. */
    public Scramble scrambleForTest(String id) {
        return find(id);
    }

    private Map<String, Object> view(Scramble s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id);
        m.put("category", s.category);
        m.put("alert", s.alertId);
        m.put("track", s.targetTrack);
        m.put("unit", s.unitId);
        m.put("phase", s.phase.wireName());
        Map<String, Object> times = new LinkedHashMap<>();
        for (Map.Entry<ScramblePhase, Long> e : s.phaseTimes.entrySet())
            times.put(e.getKey().wireName(), iso(e.getValue()));
        m.put("phases", times);
        m.put("proposedBy", s.proposedBy);
        m.put("orderedBy", s.orderedBy);
        m.put("callsigns", List.of(s.callsigns));
        if (s.orderedNanos != Long.MIN_VALUE) {
            m.put("plan", EventCodec.tree(plan(s.predicted, s.orderedNanos)));
            m.put(
                    "latest",
                    EventCodec.tree(
                            plan(s.latest, s.lastSolveNanos == Long.MIN_VALUE ? s.orderedNanos : s.lastSolveNanos)));
        } else {
            m.put("plan", EventCodec.tree(plan(s.proposal, s.proposedNanos)));
            if (s.lastSolveNanos != Long.MIN_VALUE) m.put("latest", EventCodec.tree(plan(s.latest, s.lastSolveNanos)));
        }
        if (s.handOverNation != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("toNation", s.handOverNation);
            h.put("toUnit", s.handOverUnit);
            if (s.handOverScramble != null) h.put("scramble", s.handOverScramble);
            m.put("handOver", h);
        }
        if (s.advice != null) m.put("advice", Map.of("advice", s.advice, "reason", String.valueOf(s.adviceReason)));
        if (s.fuelBudgetM > 0) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("used", Math.round(s.fuelUsedM / s.fuelBudgetM * 1000) / 1000.0);
            Detachment d = unit(s.unitId);
            if (d != null && s.lead.known()) {
                double home = Sphere.distanceM(
                        s.lead.latDeg,
                        s.lead.lonDeg,
                        d.base().latDeg(),
                        d.base().lonDeg());
                f.put("home", Math.round(home / s.fuelBudgetM * 1000) / 1000.0);
                f.put("bingo", s.fuelUsedM + home >= s.fuelBudgetM);
            }
            m.put("fuel", f);
        }
        if (s.interceptNanos != Long.MIN_VALUE) m.put("intercept", iso(s.interceptNanos));
        if (s.lead.known())
            m.put(
                    "lead",
                    Map.of(
                            "lat",
                            round5(s.lead.latDeg),
                            "lon",
                            round5(s.lead.lonDeg),
                            "altFt",
                            Double.isNaN(s.lead.altitudeFt) ? 0 : Math.round(s.lead.altitudeFt)));
        FighterFix t = fixOf(s.targetTrack);
        if (t != null && t.known()) m.put("target", EventCodec.tree(targetOf(t)));
        if (s.outcomeIdentifiedAs != null || s.outcomeAction != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("identifiedAs", s.outcomeIdentifiedAs);
            o.put("action", s.outcomeAction);
            o.put("user", s.outcomeBy);
            o.put("time", iso(s.outcomeNanos));
            m.put("outcome", o);
        }
        if (s.cancelledBy != null) m.put("cancelledBy", s.cancelledBy);
        return m;
    }

    /** JSON-ready line of a recommendation (the form of a {@code scramble.recommended} unit). */
    public static com.fasterxml.jackson.databind.JsonNode recommendationView(Recommendation r) {
        return EventCodec.tree(rankedUnit(r));
    }

    private static QraEvent.RankedUnit rankedUnit(Recommendation r) {
        Detachment u = r.unit();
        InterceptSolution s = r.solution();
        boolean f = s.feasible;
        return new QraEvent.RankedUnit(
                r.rank(),
                u.id(),
                u.nation(),
                u.base().icao(),
                u.aircraftType(),
                u.readiness().label(),
                f,
                f ? round1(s.timeS / 60) : null,
                f ? round5(s.latDeg) : null,
                f ? round5(s.lonDeg) : null,
                f ? Math.round(s.headingDeg) : null,
                f ? round1(s.distanceM / Units.NM) : null,
                f ? s.supersonic : null,
                f || s.reason == null
                        ? null
                        : s.reason.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                f || s.reason == null ? null : s.reason.text(),
                f && !Double.isNaN(s.timeSpreadS) ? round1(s.timeSpreadS / 60) : null,
                s.levelAssumed ? Boolean.TRUE : null);
    }

    private static QraEvent.Plan plan(InterceptSolution s, long fromNanos) {
        if (!s.feasible) {
            return new QraEvent.Plan(
                    false,
                    s.reason == null ? null : s.reason.text(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    s.levelAssumed ? Boolean.TRUE : null);
        }
        return new QraEvent.Plan(
                true,
                null,
                round1(s.timeS),
                fromNanos == Long.MIN_VALUE ? null : fromNanos + Math.round(s.timeS * 1e9),
                round5(s.latDeg),
                round5(s.lonDeg),
                Math.round(s.altitudeFt),
                Math.round(s.headingDeg),
                round1(s.distanceM / Units.NM),
                round1(s.timeToAirborneS),
                round1(s.climbTimeS),
                Math.round(s.speedMps / KT),
                s.supersonic,
                Math.round(s.fuelFraction * 1000) / 1000.0,
                Double.isNaN(s.timeSpreadS) ? null : round1(s.timeSpreadS),
                Double.isNaN(s.pointSpreadM) ? null : round1(s.pointSpreadM / Units.NM),
                s.levelAssumed ? Boolean.TRUE : null);
    }

    private static QraEvent.Target targetOf(FighterFix f) {
        return new QraEvent.Target(
                round5(f.latDeg),
                round5(f.lonDeg),
                Double.isNaN(f.altitudeFt) ? null : Math.round(f.altitudeFt),
                Double.isNaN(f.groundSpeedKt) ? null : Math.round(f.groundSpeedKt),
                Double.isNaN(f.trackDeg) ? null : Math.round(f.trackDeg));
    }

    private static Integer trackOrNull(int track) {
        return track == 0 ? null : track;
    }

    private static Long alertOrNull(Scramble s) {
        return s.alertId != 0 ? s.alertId : null;
    }

    private void postureEvent(String change, String unit, String user, String detail) {
        emit(new QraEvent.PostureChanged(now, change, unit, detail, user, posture.version()));
    }

    private void emit(QraEvent e) {
        events.accept(e);
    }

    static String iso(long nanos) {
        return nanos == Long.MIN_VALUE ? null : EventTime.format(nanos);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round5(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
