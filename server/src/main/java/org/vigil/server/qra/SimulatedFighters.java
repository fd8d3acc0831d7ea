package org.vigil.server.qra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.qra.Detachment;
import org.vigil.core.qra.scramble.FighterFix;
import org.vigil.core.qra.scramble.Fighters;
import org.vigil.core.sim.AircraftType;
import org.vigil.core.sim.Airport;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.FlightSpec;
import org.vigil.core.sim.QraUnit;
import org.vigil.core.sim.Simulation;

/**
 * Fighters in a simulated run: an ordered scramble launches the unit's aircraft from its base with
 * {@link Simulation#launch} (a pair: the lead flies the intercept, the others join the lead) and the
 * workflow steers the lead with {@link Simulation#command}.
 *
 * <p>Ground speed: the intercept plan has no wind, so the planned speed is a ground speed. The lead
 * is given the true airspeed that makes good that ground speed, corrected every steer from its own
 * observed ground speed (as a controller reading the radar would), so the simulated wind does not
 * put it ahead of or behind the time the plan promised.
 *
 * <p>Callsigns and addresses come from the scenario's QRA unit of the same nation, base and type
 * (stem + 01, 02..., addresses from its first address); without one, the detachment's nation plus
 * "QRA". Not thread-safe: called on the picture's owner thread (from the workflow's tick), between
 * simulation steps.
 */
public final class SimulatedFighters implements Fighters {
    private final Simulation sim;
    private final Map<String, List<Flight>> flights = new HashMap<>();
    private final Map<String, Integer> launched = new HashMap<>();

    public SimulatedFighters(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public String[] launch(
            String scrambleId, Detachment unit, double airborneInS, double headingDeg, double levelFt, double speedKt) {
        AircraftType type = AircraftType.of(unit.aircraftType());
        if (type == null) return new String[0];
        QraUnit q = scenarioUnit(unit);
        String stem = q != null ? q.callsign() : unit.nation() + "QRA";
        int address = q != null ? q.icaoBase() : 0xF00000 + launched.size() * 16;
        int already = launched.getOrDefault(stem, 0);
        Airport base = new Airport(
                unit.base().icao(),
                unit.base().name(),
                unit.base().latDeg(),
                unit.base().lonDeg(),
                unit.base().elevationFt());
        double[] ahead = new double[2];
        Sphere.destination(base.lat(), base.lon(), headingDeg, 50 * Units.NM, ahead);
        int n = Math.max(1, Math.min(unit.count(), 4));
        List<Flight> pair = new ArrayList<>(n);
        String[] callsigns = new String[n];
        for (int i = 0; i < n; i++) {
            String cs = String.format(Locale.ROOT, "%s%02d", stem, already + i + 1);
            callsigns[i] = cs;
            FlightSpec spec = new FlightSpec(
                    cs,
                    address + already + i,
                    type,
                    0,
                    true,
                    true,
                    false,
                    base,
                    null,
                    List.of(new double[] {base.lat(), base.lon()}, ahead),
                    sim.time() + airborneInS,
                    Double.NaN,
                    levelFt,
                    speedKt,
                    'I',
                    List.of());
            Flight f = sim.launch(spec);
            pair.add(f);
            if (i == 0) {
                sim.command(f, headingDeg, levelFt, speedKt);
            } else {
                sim.join(f, pair.get(0)); // the wingman stays with the lead
            }
        }
        launched.put(stem, already + n);
        flights.put(scrambleId, pair);
        return callsigns;
    }

    @Override
    public void steer(String scrambleId, double headingDeg, double levelFt, double groundSpeedKt) {
        Flight lead = lead(scrambleId);
        if (lead == null) return;
        double tas = Double.NaN;
        if (!Double.isNaN(groundSpeedKt)) {
            // make good the wanted ground speed: correct the air speed by what the ground speed lacks
            tas = lead.airborne ? lead.trueAirspeedKt + (groundSpeedKt - lead.groundspeedKt) : groundSpeedKt;
            tas = Math.max(150, Math.min(lead.spec.type().cruiseKt() * 1.6, tas));
        }
        sim.command(lead, headingDeg, levelFt, tas);
    }

    @Override
    public void holdOn(String scrambleId, FighterFix target) {
        Flight lead = lead(scrambleId);
        if (lead == null || !target.known()) return;
        Flight best = null;
        double bestM = 5 * Units.NM;
        List<Flight> own = flights.get(scrambleId);
        for (Flight f : sim.flights()) {
            if (!f.airborne || own.contains(f)) continue;
            double d = Sphere.distanceM(f.lat, f.lon, target.latDeg, target.lonDeg);
            if (d < bestM) {
                bestM = d;
                best = f;
            }
        }
        if (best != null) sim.join(lead, best);
    }

    @Override
    public void landed(String scrambleId) {
        List<Flight> pair = flights.get(scrambleId);
        if (pair == null) return;
        for (Flight f : pair) {
            // the simulator has no landing roll for commanded flights: taking them out of the air is
            // what "landed at base" means to the sensors
            f.finished = true;
            f.airborne = false;
        }
    }

    @Override
    public boolean lead(String scrambleId, long nowNanos, FighterFix out) {
        Flight f = lead(scrambleId);
        if (f == null || !f.airborne) return false;
        out.set(nowNanos, f.lat, f.lon, f.altitudeFt, f.groundspeedKt, f.trackDeg);
        return true;
    }

    /** The simulated lead aircraft of a scramble, or null (tests read its truth). */
    public Flight lead(String scrambleId) {
        List<Flight> pair = flights.get(scrambleId);
        return pair == null || pair.isEmpty() ? null : pair.get(0);
    }

    private QraUnit scenarioUnit(Detachment unit) {
        for (QraUnit q : sim.scenario().qra()) {
            if (q.base() != null
                    && q.base().icao().equalsIgnoreCase(unit.base().icao())
                    && q.type() != null
                    && q.type().designator().equalsIgnoreCase(unit.aircraftType())
                    && (q.nation() == null || q.nation().equalsIgnoreCase(unit.nation()))) {
                return q;
            }
        }
        return null;
    }
}
