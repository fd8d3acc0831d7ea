package org.vigil.core.ident;

import java.util.ArrayList;
import java.util.List;

/**
 * The identification state of one track: its current standard identity, the rule that decided it,
 * the evidence of every rule (active or last fired), its alerts, the operator's inputs and override,
 * and the throttling state of the expensive rules. Pooled by the {@link IdentificationEngine}: valid
 * until the track is deleted; read it from the engine's thread or inside an event callback.
 */
public final class TrackIdentity {
    int trackNumber;
    long firstNanos;
    long lastNanos;
    final TrackFacts facts = new TrackFacts();
    Identity identity = Identity.PENDING;
    /** The rule whose proposal won, or null (pending, the UNKNOWN default, or an override). */
    Cause decidingCause;

    final Evidence[] evidence = new Evidence[Cause.COUNT];
    final Alert[] alerts = new Alert[Cause.COUNT];
    /** Per cause: the cause has been clear at some time since its alert was resolved. */
    final boolean[] clearedSinceResolve = new boolean[Cause.COUNT];

    // operator
    Identity override;
    String overrideBy;
    String overrideReason;
    long overrideNanos = Long.MIN_VALUE;
    boolean radioLost;
    String radioLostBy;
    long noReplySinceNanos = Long.MIN_VALUE;

    // expensive rules, throttled
    final PlanMatch plan = new PlanMatch();
    boolean correlatedOnce;
    long nextCorrelationNanos;
    final AirspaceSituation airspace = new AirspaceSituation();
    long nextAirspaceNanos;
    /** When the last look-ahead ran and with which course and speed (a manoeuvre forces a new one). */
    long airspaceAtNanos;

    double airspaceTrackDeg;
    double airspaceSpeedKt;
    /** Assessed outside NATO national airspace at least once: an entry afterwards is a violation. */
    boolean seenOutsideNato;
    /** Data time of the last rule evaluation: updates at the same time are one sample for persistence. */
    long lastSampleNanos = Long.MIN_VALUE;

    // list matches, refreshed when identifiers change
    KnownAircraft known;
    KnownAircraft qra;
    /** The scramble whose launch this track is (first seen near its base after the order), or null; kept for the track's life. */
    KnownAircraft scrambled;

    TrackIdentity() {
        for (Cause c : Cause.VALUES) evidence[c.ordinal()] = new Evidence(c);
    }

    void reset(int trackNumber, long firstNanos) {
        this.trackNumber = trackNumber;
        this.firstNanos = firstNanos;
        this.lastNanos = firstNanos;
        facts.reset();
        identity = Identity.PENDING;
        decidingCause = null;
        for (Evidence e : evidence) e.reset();
        java.util.Arrays.fill(alerts, null);
        java.util.Arrays.fill(clearedSinceResolve, false);
        override = null;
        overrideBy = overrideReason = null;
        overrideNanos = Long.MIN_VALUE;
        radioLost = false;
        radioLostBy = null;
        noReplySinceNanos = Long.MIN_VALUE;
        plan.clear();
        correlatedOnce = false;
        nextCorrelationNanos = Long.MIN_VALUE;
        airspace.clear();
        nextAirspaceNanos = Long.MIN_VALUE;
        airspaceAtNanos = Long.MIN_VALUE;
        airspaceTrackDeg = airspaceSpeedKt = Double.NaN;
        seenOutsideNato = false;
        lastSampleNanos = Long.MIN_VALUE;
        known = qra = scrambled = null;
    }

    public int trackNumber() {
        return trackNumber;
    }

    public Identity identity() {
        return identity;
    }
    /** The rule whose proposed identity won; null for PENDING, the UNKNOWN default, or an override. */
    public Cause decidingCause() {
        return decidingCause;
    }
    /** Start of the track: the tracker's first detection when the caller gave it ({@link TrackFacts#startNanos}), else the first update. */
    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }
    /** The facts of the last update (read-only by convention). */
    public TrackFacts facts() {
        return facts;
    }

    public Evidence evidence(Cause c) {
        return evidence[c.ordinal()];
    }
    /** The track's alert for a cause (open or the last resolved), or null. */
    public Alert alert(Cause c) {
        return alerts[c.ordinal()];
    }

    public Identity override() {
        return override;
    }

    public String overrideBy() {
        return overrideBy;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public long overrideNanos() {
        return overrideNanos;
    }

    public boolean radioContactLost() {
        return radioLost;
    }

    public long noReplySinceNanos() {
        return noReplySinceNanos;
    }
    /** Last airspace assessment (may be up to one airspace interval old). */
    public AirspaceSituation airspace() {
        return airspace;
    }
    /** Last flight-plan correlation (may be up to one correlation interval old). */
    public PlanMatch plan() {
        return plan;
    }

    /** The rules firing now, in rule order: the list the operator reads. Allocates (display only). */
    public List<Evidence> firing() {
        List<Evidence> l = new ArrayList<>();
        for (Evidence e : evidence) if (e.active) l.add(e);
        return l;
    }

    /** Names of the rules firing now, e.g. [no-transponder, military-without-clearance]. Allocates. */
    public List<String> firingIds() {
        List<String> l = new ArrayList<>();
        for (Evidence e : evidence) if (e.active) l.add(e.cause.id);
        return l;
    }

    @Override
    public String toString() {
        return "track " + trackNumber + " " + identity.id() + " " + firingIds();
    }
}
