package org.vigil.core.qra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current QRA posture: the detachments on alert and the performance profiles of their types.
 * Mutable through named change methods (the API and what-if studies use them); each change bumps
 * {@link #version()} so that caches (maps, rankings) know when to recompute.
 *
 * <p>Invariants: detachment ids are unique; every detachment's aircraft type has a profile (checked
 * on every change, so a posture never holds a unit the solver cannot plan for). Not thread-safe:
 * one owner changes it; others work on a {@link #copy()}.
 *
 * <p>Dated changes: a readiness or aircraft-count change given a data time is also recorded
 * ({@link #changes()}), so the posture can be read as it stood at an earlier time ({@link #asAt});
 * the weekly responsiveness report uses it (docs/QRA.md "Posture by date"). Changes without a time
 * (what-if studies, loading) are not recorded: they hold since the last dated change.
 */
public final class Posture {
    private final String name;
    private final Map<String, AircraftProfile> profiles;
    private final Map<String, Detachment> detachments = new LinkedHashMap<>();
    private long version;
    private final List<Change> changes = new ArrayList<>();

    /**
     * A dated change of one detachment's readiness, CAP station or aircraft count: the detachment
     * just before and just after it, at data time {@code epochMs}.
     */
    public record Change(long epochMs, String unit, Detachment before, Detachment after) {}

    public Posture(String name, Map<String, AircraftProfile> profiles) {
        this.name = name == null ? "" : name;
        this.profiles = Map.copyOf(profiles);
    }

    public String name() {
        return name;
    }

    public long version() {
        return version;
    }

    public Map<String, AircraftProfile> profiles() {
        return profiles;
    }

    /** Detachments in the order they were added (read-only snapshot). */
    public List<Detachment> detachments() {
        return Collections.unmodifiableList(new ArrayList<>(detachments.values()));
    }

    public int size() {
        return detachments.size();
    }

    public Detachment detachment(String id) {
        Detachment d = detachments.get(id);
        if (d == null) throw new IllegalArgumentException("no detachment '" + id + "' in posture " + name);
        return d;
    }

    public AircraftProfile profileOf(Detachment d) {
        return profiles.get(d.aircraftType());
    }

    /** Adds a detachment; its id must be new and its type must have a profile. */
    public Posture addDetachment(Detachment d) {
        if (detachments.containsKey(d.id()))
            throw new IllegalArgumentException("detachment '" + d.id() + "' already exists");
        requireProfile(d);
        detachments.put(d.id(), d);
        version++;
        return this;
    }

    /** Moves a detachment to another base (keeping its readiness, type and count). */
    public Posture moveDetachment(String id, Base newBase) {
        detachments.put(id, detachment(id).withBase(newBase));
        version++;
        return this;
    }

    public Posture removeDetachment(String id) {
        detachment(id);
        detachments.remove(id);
        version++;
        return this;
    }

    /** Sets the readiness; {@code cap} is required for AIRBORNE_CAP and ignored otherwise. */
    public Posture setReadiness(String id, Readiness readiness, CapStation cap) {
        detachments.put(id, detachment(id).withReadiness(readiness, cap));
        version++;
        return this;
    }

    public Posture setCount(String id, int count) {
        detachments.put(id, detachment(id).withCount(count));
        version++;
        return this;
    }

    /** As {@link #setReadiness(String, Readiness, CapStation)}, recorded as in force from {@code epochMs} (data time). */
    public Posture setReadiness(String id, Readiness readiness, CapStation cap, long epochMs) {
        Detachment before = detachment(id);
        setReadiness(id, readiness, cap);
        return record(epochMs, before);
    }

    /** As {@link #setCount(String, int)}, recorded as in force from {@code epochMs} (data time). */
    public Posture setCount(String id, int count, long epochMs) {
        Detachment before = detachment(id);
        setCount(id, count);
        return record(epochMs, before);
    }

    private Posture record(long epochMs, Detachment before) {
        int at = changes.size();
        while (at > 0 && changes.get(at - 1).epochMs() > epochMs) at--; // kept in time order
        changes.add(at, new Change(epochMs, before.id(), before, detachment(before.id())));
        return this;
    }

    /** The dated changes, oldest first. */
    public List<Change> changes() {
        return Collections.unmodifiableList(changes);
    }

    /**
     * {@code d} as it stood at {@code epochMs}: the readiness, CAP station and aircraft count of the
     * first dated change after that time (its "before"), or {@code d} itself when none came later.
     * Base, type and rotation are as now (a rotation is dated by itself).
     */
    public Detachment asAt(Detachment d, long epochMs) {
        for (Change c : changes) {
            if (c.epochMs() <= epochMs || !c.unit().equals(d.id())) continue;
            Detachment b = c.before();
            return d.withReadiness(b.readiness(), b.cap()).withCount(b.count());
        }
        return d;
    }

    /** A copy of this posture as it stood at {@code epochMs} (see {@link #asAt(Detachment, long)}). */
    public Posture asAt(long epochMs) {
        Posture p = copy();
        for (Detachment d : detachments.values()) p.detachments.put(d.id(), asAt(d, epochMs));
        return p;
    }

    /** An independent copy (same profiles) for what-if studies. */
    public Posture copy() {
        Posture p = new Posture(name, profiles);
        p.detachments.putAll(detachments);
        p.changes.addAll(changes);
        p.version = version;
        return p;
    }

    private void requireProfile(Detachment d) {
        if (!profiles.containsKey(d.aircraftType())) {
            throw new IllegalArgumentException("detachment '" + d.id() + "': no performance profile for type '"
                    + d.aircraftType() + "' (known: " + profiles.keySet() + ")");
        }
    }
}
