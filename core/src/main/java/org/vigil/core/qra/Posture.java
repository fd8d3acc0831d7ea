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
 */
public final class Posture {
    private final String name;
    private final Map<String, AircraftProfile> profiles;
    private final Map<String, Detachment> detachments = new LinkedHashMap<>();
    private long version;

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

    /** An independent copy (same profiles) for what-if studies. */
    public Posture copy() {
        Posture p = new Posture(name, profiles);
        p.detachments.putAll(detachments);
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
