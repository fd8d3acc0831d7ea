package org.vigil.core.ident;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every system track a standard identity with its evidence, and raises the alerts that lead
 * to a scramble. Feed it one {@link TrackFacts} per track update ({@link #update}), the operators'
 * actions as method calls (with user name and data time), and track deletions; it reports through an
 * {@link IdentEventListener}. Pure: no I/O, no clock (all time is data time), deterministic.
 *
 * <h2>Cost</h2>
 * Cheap rules (squawks, sensors, flags, operator inputs, timers) run on every update. The two
 * expensive ones are throttled per track: flight-plan correlation (a scan of the active plans) runs
 * on the first update, whenever the address, callsign or squawk changes, and otherwise at most every
 * {@link IdentRules#correlationIntervalNanos}; the airspace look-ahead (time to entry, a geodesic per
 * kilometre of horizon) runs only for tracks an airspace rule could fire on (no plan, or military,
 * and not friendly) at most every {@link IdentRules#airspaceIntervalNanos}. Each track's schedule
 * starts at its own first update, so the expensive work spreads over time. On the steady-state path
 * (an existing track, no rule changing state) nothing is allocated; allocation happens only when a
 * track appears beyond the pool, an alert is raised, or an operator acts.
 *
 * <h2>Identity</h2>
 * An operator override wins. Otherwise each firing rule may propose an identity; the strongest by
 * {@link Identity#weight} wins (threat over friendship over neutral over unknown). A new track stays
 * PENDING for {@link IdentRules#pendingNanos}: rules marked after-pending (the "absence of evidence"
 * rules: no plan, no transponder, airspace) wait for it, so a fresh track is not cried UNKNOWN before
 * its plan could correlate; rules that do not wait (a correlated plan, 7500) decide at once. After
 * the pending period, a track no rule speaks for is UNKNOWN.
 *
 * <p>Not thread-safe: one engine per picture, driven from one thread.
 */
public final class IdentificationEngine {
    /** User name recorded when the engine itself resolves alerts (track deleted). */
    public static final String SYSTEM_USER = "vigil";
    /** Resolution of an alert the system closed because its cause cleared before anyone acknowledged it. */
    public static final String CAUSE_CLEARED = "cause cleared before acknowledgement";

    private final IdentRules rules;
    private final PlanLookup plans;
    private final AirspaceLookup airspaceLookup;
    private final IdentEventListener listener;
    private final TrackTable tracks = new TrackTable(1024);
    private final ArrayDeque<TrackIdentity> pool = new ArrayDeque<>();
    private final List<KnownAircraft> known = new ArrayList<>();
    private final List<KnownAircraft> qraUnits = new ArrayList<>();
    private final List<DiplomaticClearance> clearances = new ArrayList<>();
    private final List<Launch> launches = new ArrayList<>();
    /** Latest data time of any update (a launch's window starts here). */
    private long latestNanos = Long.MIN_VALUE;

    private final Map<Long, Alert> openAlerts = new LinkedHashMap<>();
    private final double horizonSeconds;
    private final boolean airspaceRulesOn;
    private long nextAlertId = 1;
    /** The evaluation under way is at a new data time for its track (persistence counts samples, not callbacks). */
    private boolean newSample;

    private long updates;
    private long rejectedOperatorActions;
    private long rejectedUpdates;

    public IdentificationEngine(
            IdentRules rules, PlanLookup plans, AirspaceLookup airspace, IdentEventListener listener) {
        this.rules = rules;
        this.plans = plans == null ? PlanLookup.NONE : plans;
        this.airspaceLookup = airspace == null ? AirspaceLookup.NONE : airspace;
        this.listener = listener == null ? IdentEventListener.NONE : listener;
        this.horizonSeconds = rules.airspaceHorizonSeconds();
        this.airspaceRulesOn =
                rules.setting(Cause.APPROACHING_NATIONAL_AIRSPACE).enabled()
                        || rules.setting(Cause.INSIDE_NATIONAL_AIRSPACE).enabled()
                        || rules.setting(Cause.MILITARY_WITHOUT_CLEARANCE).enabled();
        known.addAll(rules.known());
        for (QraLink q : rules.qraUnits()) qraUnits.add(q.asEntry());
        clearances.addAll(rules.clearances());
    }

    public IdentRules rules() {
        return rules;
    }

    /** Links a QRA unit: its aircraft become FRIEND (rule qra-unit) from their next update. */
    public void linkQraUnit(QraLink unit) {
        qraUnits.add(unit.asEntry());
        refreshAllLists();
    }

    /**
     * A scramble launched {@code aircraft} fighters from the base at ({@code baseLatDeg},
     * {@code baseLonDeg}), airborne in {@code airborneInS} seconds from the latest data time. They are
     * own forces from take-off (rule qra-unit, FRIEND): by their callsigns when known, and by
     * correlation with the launch: a track whose first detection is within {@link #LAUNCH_RADIUS_NM}
     * of the base between the order and {@link #LAUNCH_WINDOW_S} after the planned take-off (at most
     * three tracks per aircraft, for a track that breaks on the climb-out). So the scramble's own
     * fighters (squawk 0000, no flight plan) never raise an alert nor a recommendation against them.
     */
    public void expectLaunch(
            String name, String[] callsigns, double baseLatDeg, double baseLonDeg, double airborneInS, int aircraft) {
        long from = latestNanos == Long.MIN_VALUE ? Long.MIN_VALUE : latestNanos;
        long until = from == Long.MIN_VALUE
                ? Long.MAX_VALUE
                : from + Math.round((Math.max(0, airborneInS) + LAUNCH_WINDOW_S) * 1e9);
        KnownAircraft entry = null;
        for (String cs : callsigns == null ? new String[0] : callsigns) {
            if (cs == null || cs.isBlank()) continue;
            entry = new KnownAircraft(name, -1, -1, CallsignPattern.of(cs.strip()), Identity.FRIEND);
            qraUnits.add(entry);
        }
        // no callsigns (real fighters, or none attached yet): matched by first detection near the base only;
        // the pattern is never used for a callsign match (the entry is not in the QRA list)
        if (entry == null) entry = new KnownAircraft(name, -1, -1, CallsignPattern.of("????????"), Identity.FRIEND);
        launches.add(new Launch(entry, baseLatDeg, baseLonDeg, from, until, 3 * Math.max(1, aircraft)));
        refreshAllLists();
    }

    /** Radius around the base within which a new track can be a scramble's fighter. */
    public static final double LAUNCH_RADIUS_NM = 10;
    /** A scramble's fighter is first seen at most this long after its planned take-off. */
    public static final double LAUNCH_WINDOW_S = 600;

    /** A launch being watched for: the entry its tracks earn, base, window, tracks still to be matched. */
    private static final class Launch {
        final KnownAircraft entry;
        final double lat, lon;
        final long from, until;
        int left;

        Launch(KnownAircraft entry, double lat, double lon, long from, long until, int left) {
            this.entry = entry;
            this.lat = lat;
            this.lon = lon;
            this.from = from;
            this.until = until;
            this.left = left;
        }
    }

    /** At a track's first update: the launch it belongs to, if any (see {@link #expectLaunch}). */
    private void matchLaunch(TrackIdentity t, long firstNanos) {
        TrackFacts f = t.facts;
        for (int i = 0, n = launches.size(); i < n; i++) {
            Launch l = launches.get(i);
            if (l.left <= 0 || firstNanos < l.from || firstNanos > l.until) continue;
            double dLat = Math.toRadians(f.latDeg - l.lat);
            double dLon = Math.toRadians(f.lonDeg - l.lon) * Math.cos(Math.toRadians(l.lat));
            double nm = Math.sqrt(dLat * dLat + dLon * dLon) * 6_371_000 / 1852;
            if (nm > LAUNCH_RADIUS_NM) continue;
            l.left--;
            t.scrambled = l.entry;
            return;
        }
    }

    /** Adds a diplomatic clearance (takes effect at the next airspace assessment of each track). */
    public void addClearance(DiplomaticClearance c) {
        clearances.add(c);
    }

    // ------------------------------------------------------------------ updates

    /**
     * One track update. Returns the track's identification state (live, reused). Facts with a
     * non-finite position are counted ({@link #rejectedUpdates()}) and ignored.
     */
    public TrackIdentity update(TrackFacts f) {
        if (!(Double.isFinite(f.latDeg) && Double.isFinite(f.lonDeg))) {
            rejectedUpdates++;
            return tracks.get(f.trackNumber);
        }
        updates++;
        long now = f.timeNanos;
        if (now > latestNanos) latestNanos = now;
        TrackIdentity t = tracks.get(f.trackNumber);
        boolean idsChanged;
        if (t == null) {
            t = pool.isEmpty() ? new TrackIdentity() : pool.pop();
            // the pending period runs from the tracker's first detection when given (confirmation comes later)
            t.reset(f.trackNumber, f.startNanos != TrackFacts.NO_TIME && f.startNanos <= now ? f.startNanos : now);
            tracks.put(f.trackNumber, t);
            idsChanged = true;
            t.facts.copyFrom(f);
            if (!launches.isEmpty()) matchLaunch(t, t.firstNanos);
            listener.trackStarted(now, t);
        } else {
            idsChanged = t.facts.icaoAddress != f.icaoAddress
                    || t.facts.callsign != f.callsign
                    || t.facts.squawk != f.squawk;
            t.facts.copyFrom(f);
        }
        t.lastNanos = now;
        if (idsChanged) refreshLists(t);
        evaluate(t, now, idsChanged);
        return t;
    }

    /** The tracker deleted the track: its open alerts are resolved by {@value #SYSTEM_USER}, its state returns to the pool. */
    public boolean trackDeleted(int trackNumber, long timeNanos) {
        TrackIdentity t = tracks.get(trackNumber);
        if (t == null) return false;
        for (Alert a : t.alerts) {
            if (a != null && a.open()) resolveAlert(a, SYSTEM_USER, "track deleted", timeNanos);
        }
        listener.trackDeleted(timeNanos, t);
        tracks.remove(trackNumber);
        pool.push(t);
        return true;
    }

    // ------------------------------------------------------------------ operator inputs

    /** An operator reports radio contact lost ({@code lost}) or restored for a track. */
    public boolean radioContactLost(int trackNumber, boolean lost, String user, long timeNanos) {
        TrackIdentity t = tracks.get(trackNumber);
        if (t == null || user == null) {
            rejectedOperatorActions++;
            return false;
        }
        t.radioLost = lost;
        t.radioLostBy = lost ? user : null;
        listener.operatorInput(timeNanos, t, "radio-contact-lost", lost, Long.MIN_VALUE, user);
        evaluate(t, Math.max(timeNanos, t.lastNanos), false);
        return true;
    }

    /**
     * The controller has had no reply from the track since {@code sinceNanos}; the rule
     * no-reply-to-controller fires once that is longer than its limit. {@link #replyReceived} ends it.
     */
    public boolean noReplySince(int trackNumber, long sinceNanos, String user, long timeNanos) {
        TrackIdentity t = tracks.get(trackNumber);
        if (t == null || user == null || sinceNanos > timeNanos) {
            rejectedOperatorActions++;
            return false;
        }
        t.noReplySinceNanos = sinceNanos;
        listener.operatorInput(timeNanos, t, "no-reply-since", true, sinceNanos, user);
        evaluate(t, Math.max(timeNanos, t.lastNanos), false);
        return true;
    }

    /** The aircraft answered the controller. */
    public boolean replyReceived(int trackNumber, String user, long timeNanos) {
        TrackIdentity t = tracks.get(trackNumber);
        if (t == null || user == null) {
            rejectedOperatorActions++;
            return false;
        }
        t.noReplySinceNanos = Long.MIN_VALUE;
        listener.operatorInput(timeNanos, t, "no-reply-since", false, Long.MIN_VALUE, user);
        evaluate(t, Math.max(timeNanos, t.lastNanos), false);
        return true;
    }

    /** Sets the track's identity by hand; it holds until {@link #clearOverride} or the track is deleted. A reason is required. */
    public boolean overrideIdentity(int trackNumber, Identity identity, String user, String reason, long timeNanos) {
        TrackIdentity t = tracks.get(trackNumber);
        if (t == null || identity == null || user == null || reason == null || reason.isBlank()) {
            rejectedOperatorActions++;
            return false;
        }
        t.override = identity;
        t.overrideBy = user;
        t.overrideReason = reason;
        t.overrideNanos = timeNanos;
        listener.override(timeNanos, t, identity, user, reason);
        evaluate(t, Math.max(timeNanos, t.lastNanos), false);
        return true;
    }

    public boolean clearOverride(int trackNumber, String user, long timeNanos) {
        TrackIdentity t = tracks.get(trackNumber);
        if (t == null || t.override == null || user == null) {
            rejectedOperatorActions++;
            return false;
        }
        t.override = null;
        t.overrideBy = user;
        t.overrideReason = null;
        t.overrideNanos = timeNanos;
        listener.override(timeNanos, t, null, user, null);
        evaluate(t, Math.max(timeNanos, t.lastNanos), false);
        return true;
    }

    // ------------------------------------------------------------------ alert lifecycle

    public boolean acknowledge(long alertId, String user, long timeNanos) {
        Alert a = openAlerts.get(alertId);
        if (a == null || user == null || a.state != AlertState.RAISED) {
            rejectedOperatorActions++;
            return false;
        }
        a.state = AlertState.ACKNOWLEDGED;
        a.acknowledgedBy = user;
        a.acknowledgedNanos = timeNanos;
        a.updatedNanos = timeNanos;
        listener.alert(timeNanos, a, AlertEvent.ACKNOWLEDGED);
        return true;
    }

    /** Gives the alert to {@code assignee} (a controller, a QRA unit); acknowledges it too when still RAISED. */
    public boolean assign(long alertId, String user, String assignee, long timeNanos) {
        Alert a = openAlerts.get(alertId);
        if (a == null || user == null || assignee == null || a.state == AlertState.ASSIGNED) {
            rejectedOperatorActions++;
            return false;
        }
        if (a.state == AlertState.RAISED) {
            a.acknowledgedBy = user;
            a.acknowledgedNanos = timeNanos;
        }
        a.state = AlertState.ASSIGNED;
        a.assignedBy = user;
        a.assignee = assignee;
        a.assignedNanos = timeNanos;
        a.updatedNanos = timeNanos;
        listener.alert(timeNanos, a, AlertEvent.ASSIGNED);
        return true;
    }

    public boolean resolve(long alertId, String user, String resolution, long timeNanos) {
        Alert a = openAlerts.get(alertId);
        if (a == null || user == null) {
            rejectedOperatorActions++;
            return false;
        }
        resolveAlert(a, user, resolution, timeNanos);
        return true;
    }

    private void resolveAlert(Alert a, String user, String resolution, long timeNanos) {
        a.state = AlertState.RESOLVED;
        a.resolvedBy = user;
        a.resolution = resolution;
        a.resolvedNanos = timeNanos;
        a.updatedNanos = timeNanos;
        openAlerts.remove(a.id);
        TrackIdentity t = tracks.get(a.trackNumber);
        if (t != null) t.clearedSinceResolve[a.cause.ordinal()] = !t.evidence[a.cause.ordinal()].active;
        listener.alert(timeNanos, a, AlertEvent.RESOLVED);
    }

    // ------------------------------------------------------------------ queries

    public TrackIdentity track(int trackNumber) {
        return tracks.get(trackNumber);
    }

    public int trackCount() {
        return tracks.size();
    }

    public void forEachTrack(java.util.function.Consumer<TrackIdentity> action) {
        tracks.forEach(action);
    }
    /** Open alerts, most urgent first, then oldest first. Allocates (console, API). */
    public List<Alert> openAlerts() {
        List<Alert> l = new ArrayList<>(openAlerts.values());
        l.sort((x, y) -> x.priority != y.priority ? Integer.compare(x.priority, y.priority) : Long.compare(x.id, y.id));
        return l;
    }

    public Alert openAlert(long id) {
        return openAlerts.get(id);
    }

    public long updates() {
        return updates;
    }
    /** Operator actions refused (unknown track or alert, missing user or reason, step not allowed). */
    public long rejectedOperatorActions() {
        return rejectedOperatorActions;
    }
    /** Updates ignored for a non-finite position. */
    public long rejectedUpdates() {
        return rejectedUpdates;
    }

    // ------------------------------------------------------------------ evaluation

    private void refreshAllLists() {
        tracks.forEach(this::refreshLists);
    }

    /** List matches depend only on address and callsign: recomputed when they change (allocation-free scans). */
    private void refreshLists(TrackIdentity t) {
        int a = t.facts.icaoAddress;
        long cs = t.facts.callsign;
        t.known = null;
        for (int i = 0, n = known.size(); i < n; i++) {
            if (known.get(i).matches(a, cs)) {
                t.known = known.get(i);
                break;
            }
        }
        t.qra = null;
        for (int i = 0, n = qraUnits.size(); i < n; i++) {
            if (qraUnits.get(i).matches(a, cs)) {
                t.qra = qraUnits.get(i);
                break;
            }
        }
    }

    private void evaluate(TrackIdentity t, long now, boolean idsChanged) {
        TrackFacts f = t.facts;
        boolean pendingOver = now - t.firstNanos >= rules.pendingNanos;
        newSample = now != t.lastSampleNanos;
        t.lastSampleNanos = now;

        // expensive 1: flight-plan correlation
        if (idsChanged || !t.correlatedOnce || now >= t.nextCorrelationNanos) {
            plans.correlate(f, t.plan);
            t.correlatedOnce = true;
            t.nextCorrelationNanos = now + rules.correlationIntervalNanos;
        }
        PlanMatch p = t.plan;
        boolean correlated = p.correlated;
        boolean friendlyListed = t.known != null && t.known.identity() != null;
        KnownAircraft own = t.qra != null ? t.qra : t.scrambled;
        boolean friendly = friendlyListed || own != null;
        boolean squawkAsFiled = f.squawk == TrackFacts.ABSENT
                || p.filedSquawk < 0
                || f.squawk == p.filedSquawk
                || isEmergency(f.squawk);

        String militaryBy = null;
        if (correlated && p.stateFlight) militaryBy = "state flight (STS/STATE)";
        else if (t.known != null && t.known.identity() == null) militaryBy = t.known.name();
        else if (rules.primaryOnlyIsMilitary && f.primaryOnly() && !correlated)
            militaryBy = "primary only, no flight plan";
        boolean military = militaryBy != null && !friendly;
        // military named by a valid diplomatic clearance (Allied or cleared state aircraft): no plan is expected of it
        boolean clearedMilitary = military && !correlated && clearedAnywhere(f, now);
        boolean civilUncleared = !friendly && !correlated && militaryBy == null;

        // expensive 2: airspace look-ahead, only where an airspace rule could fire
        AirspaceSituation air = t.airspace;
        if (airspaceRulesOn && (military || civilUncleared)) {
            if (idsChanged
                    || !air.assessed
                    || now >= t.nextAirspaceNanos
                    || (now >= t.airspaceAtNanos + rules.airspaceIntervalNanos && manoeuvred(t, f))) {
                airspaceLookup.assess(
                        f.latDeg, f.lonDeg, f.altitudeFt, f.trackDeg, f.groundSpeedKt, now, horizonSeconds, air);
                t.airspaceAtNanos = now;
                t.airspaceTrackDeg = f.trackDeg;
                t.airspaceSpeedKt = f.groundSpeedKt;
                t.nextAirspaceNanos = now + nextAirspaceGap(air);
                if (air.assessed && !air.inside) t.seenOutsideNato = true;
            }
        } else if (air.assessed) {
            air.clear();
        }

        // cheap rules, in Cause order
        fire(
                t,
                Cause.FLIGHT_PLAN_CORRELATED,
                correlated && squawkAsFiled,
                pendingOver,
                now,
                p.score,
                p.crossTrackNm,
                sq(f.squawk),
                p.aircraftId,
                null);
        fire(
                t,
                Cause.SQUAWK_NOT_AS_FILED,
                correlated && !squawkAsFiled,
                pendingOver,
                now,
                sq(f.squawk),
                p.filedSquawk,
                Double.NaN,
                p.aircraftId,
                null);
        fire(
                t,
                Cause.KNOWN_FRIENDLY,
                friendlyListed,
                pendingOver,
                now,
                addr(f.icaoAddress),
                Double.NaN,
                Double.NaN,
                friendlyListed ? t.known.name() : null,
                null);
        fire(
                t,
                Cause.QRA_UNIT,
                own != null,
                pendingOver,
                now,
                addr(f.icaoAddress),
                Double.NaN,
                Double.NaN,
                own != null ? own.name() : null,
                null);
        fire(
                t,
                Cause.NO_FLIGHT_PLAN,
                // a Mode A/C-only track is identified by its code alone: squawking an emergency it no longer
                // correlates by code, and the emergency has its own alert
                f.hasIdentifiers()
                        && !correlated
                        && !friendly
                        && !clearedMilitary
                        && !(isEmergency(f.squawk) && f.icaoAddress == TrackFacts.ABSENT && f.callsign == 0),
                pendingOver,
                now,
                p.score,
                Double.NaN,
                Double.NaN,
                null,
                null);
        fire(
                t,
                Cause.NO_TRANSPONDER,
                f.primaryOnly() && !friendly,
                pendingOver,
                now,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                null,
                null);
        int es = f.emergencyState;
        fire(
                t,
                Cause.SQUAWK_7500,
                f.squawk == 7500 || es == 5,
                pendingOver,
                now,
                sq(f.squawk),
                emerg(es),
                Double.NaN,
                null,
                null);
        fire(
                t,
                Cause.SQUAWK_7600,
                f.squawk == 7600 || es == 4,
                pendingOver,
                now,
                sq(f.squawk),
                emerg(es),
                Double.NaN,
                null,
                null);
        fire(
                t,
                Cause.SQUAWK_7700,
                f.squawk == 7700 || es == 1 || es == 6,
                pendingOver,
                now,
                sq(f.squawk),
                emerg(es),
                Double.NaN,
                null,
                null);
        fire(
                t,
                Cause.RADIO_CONTACT_LOST,
                t.radioLost,
                pendingOver,
                now,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                t.radioLostBy,
                null);

        double limitMin = rules.setting(Cause.NO_REPLY_TO_CONTROLLER).threshold(0);
        double silentMin = t.noReplySinceNanos == Long.MIN_VALUE ? Double.NaN : (now - t.noReplySinceNanos) / 60e9;
        fire(
                t,
                Cause.NO_REPLY_TO_CONTROLLER,
                silentMin >= limitMin,
                pendingOver,
                now,
                silentMin,
                Double.NaN,
                Double.NaN,
                null,
                null);

        double xtkLimit = rules.setting(Cause.ROUTE_DEVIATION).threshold(0);
        fire(
                t,
                Cause.ROUTE_DEVIATION,
                correlated && p.crossTrackNm > xtkLimit,
                pendingOver,
                now,
                p.crossTrackNm,
                Double.NaN,
                Double.NaN,
                p.aircraftId,
                null);

        boolean assessed = air.assessed;
        // between look-aheads the time to entry counts down with data time
        double toEntry = air.entering ? air.secondsToEntry - (now - t.airspaceAtNanos) * 1e-9 : air.secondsToEntry;
        double approachLimit =
                rules.setting(Cause.APPROACHING_NATIONAL_AIRSPACE).threshold(0);
        fire(
                t,
                Cause.APPROACHING_NATIONAL_AIRSPACE,
                civilUncleared && assessed && air.entering && toEntry <= approachLimit,
                pendingOver,
                now,
                toEntry,
                air.entryLatDeg,
                air.entryLonDeg,
                air.state,
                null);
        fire(
                t,
                Cause.INSIDE_NATIONAL_AIRSPACE,
                civilUncleared && assessed && air.inside && t.seenOutsideNato,
                pendingOver,
                now,
                f.latDeg,
                f.lonDeg,
                Double.NaN,
                air.state,
                null);

        double milLimit = rules.setting(Cause.MILITARY_WITHOUT_CLEARANCE).threshold(0);
        boolean milNear = military && assessed && (air.inside || (air.entering && toEntry <= milLimit));
        fire(
                t,
                Cause.MILITARY_WITHOUT_CLEARANCE,
                milNear && !cleared(f, air.state, now),
                pendingOver,
                now,
                toEntry,
                air.entryLatDeg,
                air.entryLonDeg,
                air.state,
                militaryBy);

        double minNm = rules.setting(Cause.ADSB_RADAR_MISMATCH).threshold(0);
        fire(
                t,
                Cause.ADSB_RADAR_MISMATCH,
                f.adsbRadarDisagreement && !(f.disagreementNm < minNm) && !friendly,
                pendingOver,
                now,
                f.disagreementNm,
                f.disagreementChiSquare,
                Double.NaN,
                null,
                null);

        RuleSetting k = rules.setting(Cause.IMPLAUSIBLE_KINEMATICS);
        boolean implausibleNow = f.implausibleKinematics
                || f.groundSpeedKt > k.threshold(0)
                || Math.abs(f.verticalRateFpm) > k.threshold(1);
        // its persistence (fire-s: 30 by default) matters: a new or mis-associated track's velocity is
        // briefly wild (the tracker's short-lived duplicates reach 1500-2000 kt for 20-25 s)
        fire(
                t,
                Cause.IMPLAUSIBLE_KINEMATICS,
                implausibleNow && !friendly,
                pendingOver,
                now,
                f.groundSpeedKt,
                f.verticalRateFpm,
                Double.NaN,
                null,
                null);
        fire(
                t,
                Cause.ROUTE_UNKNOWN,
                correlated && p.routeUnknown != null,
                pendingOver,
                now,
                p.routePoints,
                Double.NaN,
                Double.NaN,
                p.aircraftId,
                p.routeUnknown);

        // GNSS interference (docs/GNSS.md "Operator alert"): an area over a QRA fighter (its route), or over a
        // track of interest (no plan and not friendly, military, suspect or hostile), whether or not inside
        // national airspace (then named in the detail); an airliner on its plan in an area is the map's business
        boolean ofInterest = own != null
                || (!friendly && !correlated)
                || military
                || t.identity == Identity.SUSPECT
                || t.identity == Identity.HOSTILE;
        // detail: the QRA unit's name, else the state whose national airspace the track is in (no allocation)
        String where = own != null ? own.name() : assessed && air.inside ? air.state : null;
        fire(
                t,
                Cause.GNSS_INTERFERENCE,
                f.interferenceArea > 0 && ofInterest,
                pendingOver,
                now,
                f.interferenceArea,
                f.interferenceShare,
                f.gnssStatus,
                f.interferenceArea > 0 && ofInterest ? where : null,
                null);

        // an airspace condition about to fire is checked by a fresh look-ahead at the short interval:
        // one bad velocity must not stand for a whole long gap (up to airspace-max-interval-s)
        if (candidate(t, Cause.APPROACHING_NATIONAL_AIRSPACE) || candidate(t, Cause.MILITARY_WITHOUT_CLEARANCE))
            t.nextAirspaceNanos = Math.min(t.nextAirspaceNanos, t.airspaceAtNanos + rules.airspaceIntervalNanos);

        decideIdentity(t, pendingOver, now);
        alerts(t, now);
    }

    /** The cause's condition has appeared but the rule does not fire yet (persistence running). */
    private static boolean candidate(TrackIdentity t, Cause c) {
        Evidence e = t.evidence[c.ordinal()];
        return !e.active && e.onsetNanos != Long.MIN_VALUE;
    }

    /**
     * Gap to the next look-ahead: short near an entry (a tenth of the time to entry, at least the
     * airspace interval), long when nothing is ahead within the horizon. Inside: the short interval,
     * to see the track leave.
     */
    private long nextAirspaceGap(AirspaceSituation air) {
        long min = rules.airspaceIntervalNanos, max = rules.airspaceMaxIntervalNanos;
        if (air.inside) return min;
        if (!air.entering) return max;
        long tenth = (long) (air.secondsToEntry * 1e8);
        return Math.max(min, Math.min(max, tenth));
    }

    /** Turned more than 10 degrees or changed speed by more than 20 % since the last look-ahead. */
    private static boolean manoeuvred(TrackIdentity t, TrackFacts f) {
        double turn = Math.abs(f.trackDeg - t.airspaceTrackDeg) % 360;
        if (turn > 180) turn = 360 - turn;
        return turn > 10 || Math.abs(f.groundSpeedKt - t.airspaceSpeedKt) > 0.2 * Math.max(t.airspaceSpeedKt, 50);
    }

    /** Whether a clearance valid now names the aircraft, over whichever state (allocation-free). */
    private boolean clearedAnywhere(TrackFacts f, long now) {
        for (int i = 0, n = clearances.size(); i < n; i++) {
            if (clearances.get(i).namesAircraft(f.icaoAddress, f.callsign, now)) return true;
        }
        return false;
    }

    /** Whether a valid diplomatic clearance covers the aircraft over {@code iso} now (linear scan, allocation-free). */
    private boolean cleared(TrackFacts f, String iso, long now) {
        for (int i = 0, n = clearances.size(); i < n; i++) {
            if (clearances.get(i).covers(f.icaoAddress, f.callsign, iso, now)) return true;
        }
        return false;
    }

    private void fire(
            TrackIdentity t,
            Cause c,
            boolean condition,
            boolean pendingOver,
            long now,
            double v0,
            double v1,
            double v2,
            String d1,
            String d2) {
        RuleSetting s = rules.setting(c);
        Persistence p = s.persistence();
        // samples count from the first update: a rule that waits for the pending period fires at its end
        // when its condition held through it
        boolean on = condition && s.enabled();
        boolean allowed = pendingOver || !s.afterPending();
        Evidence e = t.evidence[c.ordinal()];
        // one bit per sample; a second evaluation at the same data time replaces its sample's bit
        e.history = newSample ? (e.history << 1) | (on ? 1 : 0) : (e.history & ~1) | (on ? 1 : 0);
        if (on) {
            if (e.active) {
                e.absentRun = 0;
                e.absentSinceNanos = Long.MIN_VALUE;
                e.set(v0, v1, v2, d1, d2);
                e.lastNanos = now;
                return;
            }
            if (e.onsetNanos == Long.MIN_VALUE) e.onsetNanos = now;
            if (allowed
                    && Integer.bitCount(e.history & p.windowMask()) >= p.fireUpdates()
                    && now - e.onsetNanos >= p.fireNanos()) {
                e.set(v0, v1, v2, d1, d2);
                e.lastNanos = now;
                e.active = true;
                e.sinceNanos = now;
                e.onsetNanos = Long.MIN_VALUE;
                listener.ruleFired(now, t, e);
            }
        } else if (e.active) {
            if (newSample || e.absentRun == 0) {
                if (e.absentRun == 0) e.absentSinceNanos = now;
                e.absentRun++;
            }
            // a disabled rule or a lapsed condition that no sample can bring back clears at once
            if (!s.enabled() || (e.absentRun >= p.clearUpdates() && now - e.absentSinceNanos >= p.clearNanos())) {
                e.active = false;
                e.absentRun = 0;
                e.absentSinceNanos = Long.MIN_VALUE;
                listener.ruleCleared(now, t, e);
            }
        } else if ((e.history & p.windowMask()) == 0) {
            e.onsetNanos = Long.MIN_VALUE;
        }
    }

    private void decideIdentity(TrackIdentity t, boolean pendingOver, long now) {
        Identity best = null;
        Cause by = null;
        for (Cause c : Cause.VALUES) {
            if (!t.evidence[c.ordinal()].active) continue;
            Identity proposal = rules.setting(c).identity();
            if (proposal == null) continue;
            // a list entry says which friend it is
            if (c == Cause.KNOWN_FRIENDLY && t.known != null && t.known.identity() != null)
                proposal = t.known.identity();
            if (best == null || proposal.weight > best.weight) {
                best = proposal;
                by = c;
            }
        }
        if (best == null) best = pendingOver ? Identity.UNKNOWN : Identity.PENDING;
        if (t.override != null) {
            best = t.override;
            by = null;
        }
        Identity from = t.identity;
        t.decidingCause = by;
        if (best != from) {
            t.identity = best;
            listener.identityChanged(now, t, from, best);
        }
    }

    private void alerts(TrackIdentity t, long now) {
        for (Cause c : Cause.VALUES) {
            int i = c.ordinal();
            RuleSetting s = rules.setting(c);
            if (s.alertPriority() == 0) continue;
            Evidence e = t.evidence[i];
            Alert a = t.alerts[i];
            if (e.active) {
                // the hold-off is for an operator's decision; an alert the system closed unseen raises again
                if (a == null
                        || (!a.open()
                                && t.clearedSinceResolve[i]
                                && (a.closedByCause || now - a.resolvedNanos >= rules.reRaiseHoldOffNanos))) {
                    a = new Alert(nextAlertId++, t.trackNumber, c, s.alertPriority(), now);
                    a.snapshot(e, t.identity);
                    t.alerts[i] = a;
                    t.clearedSinceResolve[i] = false;
                    openAlerts.put(a.id, a);
                    listener.alert(now, a, AlertEvent.RAISED);
                } else if (a.open()) {
                    a.snapshot(e, t.identity);
                    if (!a.causeActive) {
                        a.causeActive = true;
                        a.updatedNanos = now;
                        listener.alert(now, a, AlertEvent.UPDATED);
                    }
                }
            } else if (a != null) {
                if (a.open() && a.state == AlertState.RAISED) {
                    // nobody has taken it up and its cause is gone: the system closes it, saying why
                    a.causeActive = false;
                    a.closedByCause = true;
                    resolveAlert(a, SYSTEM_USER, CAUSE_CLEARED, now);
                } else if (a.open()) {
                    if (a.causeActive) {
                        a.causeActive = false;
                        a.updatedNanos = now;
                        listener.alert(now, a, AlertEvent.UPDATED);
                    }
                } else {
                    t.clearedSinceResolve[i] = true;
                }
            }
        }
    }

    private static boolean isEmergency(int squawk) {
        return squawk == 7500 || squawk == 7600 || squawk == 7700;
    }

    private static double sq(int squawk) {
        return squawk == TrackFacts.ABSENT ? Double.NaN : squawk;
    }

    private static double addr(int a) {
        return a == TrackFacts.ABSENT ? Double.NaN : a;
    }

    private static double emerg(int es) {
        return es == TrackFacts.ABSENT || es == 0 ? Double.NaN : es;
    }
}
