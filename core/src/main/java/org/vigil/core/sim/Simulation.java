package org.vigil.core.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/**
 * Runs a {@link Scenario}: all flights (written and background) advance together in fixed steps of
 * {@link #STEP_SECONDS}; events are applied at the start of the step they fall in; flights appear
 * and end as their routes say. Time is seconds since the scenario start, nothing else: no wall clock.
 *
 * <p>Determinism: flights are kept and updated in one fixed order (scenario flights, then the
 * background traffic generated from the seed), and the simulation draws no random numbers while
 * running, so a scenario always produces the same truth.
 *
 * <p>Fighters can be commanded at any time ({@link #command}, {@link #join}, {@link #launch}); that is
 * how the QRA logic will drive them. Not thread-safe; a step allocates nothing.
 */
public final class Simulation {
    /** Kinematic step. Sensors extrapolate within it, so it bounds their interpolation error. */
    public static final double STEP_SECONDS = 0.5;

    private final Scenario scenario;
    private final List<Flight> flights = new ArrayList<>();
    private final List<Flight> view = Collections.unmodifiableList(flights);
    private final double windEast, windNorth;
    private final double[] scratch = new double[2];
    private SimListener listener = SimListener.NONE;
    private double time;
    private int airborneCount;

    public Simulation(Scenario scenario) {
        this.scenario = scenario;
        if (Double.isNaN(scenario.windFromDeg()) || scenario.windKt() <= 0) {
            windEast = 0;
            windNorth = 0;
        } else {
            double to = Math.toRadians(scenario.windFromDeg() + 180);
            windEast = scenario.windKt() * Units.KT * Math.sin(to);
            windNorth = scenario.windKt() * Units.KT * Math.cos(to);
        }
        for (FlightSpec s : scenario.flights()) flights.add(new Flight(s, flights.size()));
        if (scenario.background() != null) {
            for (FlightSpec s : BackgroundTraffic.generate(scenario, flights.size()))
                flights.add(new Flight(s, flights.size()));
        }
    }

    public void setListener(SimListener listener) {
        this.listener = listener == null ? SimListener.NONE : listener;
    }

    public Scenario scenario() {
        return scenario;
    }
    /** Seconds since the scenario start. */
    public double time() {
        return time;
    }

    public List<Flight> flights() {
        return view;
    }

    public int airborneCount() {
        return airborneCount;
    }

    /** The flight with this callsign, or null (linear; not for the hot path). */
    public Flight flight(String callsign) {
        for (Flight f : flights) if (f.spec.callsign().equals(callsign)) return f;
        return null;
    }

    /** Advances every flight by {@link #STEP_SECONDS}. */
    public void step() {
        double t0 = time, t1 = time + STEP_SECONDS;
        int count = 0;
        for (int i = 0, n = flights.size(); i < n; i++) {
            Flight f = flights.get(i);
            if (f.finished) continue;
            if (!f.airborne) {
                if (f.spec.startSeconds() >= t1) continue;
                appear(f, Math.max(t0, f.spec.startSeconds()));
            }
            applyEvents(f, t1);
            if (f.finished) continue;
            Kinematics.move(f, desiredTrack(f), STEP_SECONDS, windEast, windNorth, scratch);
            checkEnd(f, t1);
            if (!f.finished) count++;
        }
        airborneCount = count;
        time = t1;
    }

    // ------------------------------------------------------------------ commands (QRA)

    /** Orders a flight onto a heading, altitude and speed (NaN leaves that one unchanged). */
    public void command(Flight f, double headingDeg, double altitudeFt, double speedKt) {
        if (!Double.isNaN(headingDeg)) {
            f.guidance = Flight.Guidance.HEADING;
            f.commandedHeadingDeg = Angles.norm360(headingDeg);
        }
        if (!Double.isNaN(altitudeFt)) f.targetAltitudeFt = altitudeFt;
        if (!Double.isNaN(speedKt)) {
            f.targetSpeedKt = speedKt;
            f.speedHeld = true;
        }
        listener.onFlightEvent(f, time, SimListener.COMMANDED, null);
    }

    /** Sends a flight to join (intercept, then formate on) another. */
    public void join(Flight f, Flight target) {
        f.guidance = Flight.Guidance.JOIN;
        f.joinTarget = target;
        listener.onFlightEvent(f, time, EventKind.JOIN.text, null);
    }

    /** Adds a flight now (e.g. a QRA aircraft taking off); it appears at the next step. */
    public Flight launch(FlightSpec spec) {
        FlightSpec at = new FlightSpec(
                spec.callsign(),
                spec.icao(),
                spec.type(),
                spec.squawk(),
                spec.transponder(),
                spec.adsb(),
                spec.filesPlan(),
                spec.departure(),
                spec.destination(),
                spec.route(),
                Math.max(time, spec.startSeconds()),
                spec.startAltitudeFt(),
                spec.cruiseFt(),
                spec.cruiseKt(),
                spec.rules(),
                spec.events());
        Flight f = new Flight(at, flights.size());
        flights.add(f);
        return f;
    }

    // ------------------------------------------------------------------ internals

    private void appear(Flight f, double t) {
        FlightSpec s = f.spec;
        double[] p0 = s.route().get(0), p1 = s.route().get(1);
        f.lat = p0[0];
        f.lon = p0[1];
        f.headingDeg = Sphere.bearingDeg(p0[0], p0[1], p1[0], p1[1]);
        f.trackDeg = f.headingDeg;
        if (Double.isNaN(s.startAltitudeFt())) {
            double elevation = s.departure() != null ? s.departure().elevationFt() : 0;
            f.altitudeFt = elevation + 50; // just airborne off the runway
            f.trueAirspeedKt = Math.min(s.cruiseKt(), Math.max(60, s.type().climbKt() * 0.55));
        } else {
            f.altitudeFt = s.startAltitudeFt();
            f.trueAirspeedKt = s.cruiseKt();
        }
        f.targetAltitudeFt = s.cruiseFt();
        f.airborne = true;
        f.leg = 1;
        double h = Math.toRadians(f.headingDeg), v = f.trueAirspeedKt * Units.KT;
        f.velocityEastMps = v * Math.sin(h) + windEast;
        f.velocityNorthMps = v * Math.cos(h) + windNorth;
        f.groundspeedKt = Math.hypot(f.velocityEastMps, f.velocityNorthMps) / Units.KT;
        listener.onFlightEvent(f, t, SimListener.APPEARED, null);
    }

    private void applyEvents(Flight f, double until) {
        List<FlightEvent> events = f.spec.events();
        while (f.nextEvent < events.size() && events.get(f.nextEvent).atSeconds() < until) {
            FlightEvent e = events.get(f.nextEvent++);
            apply(f, e);
            listener.onFlightEvent(f, Math.max(e.atSeconds(), f.spec.startSeconds()), e.kind().text, e);
        }
    }

    private void apply(Flight f, FlightEvent e) {
        switch (e.kind()) {
            case TRANSPONDER_OFF -> f.transponderOn = false;
            case TRANSPONDER_ON -> f.transponderOn = true;
            case ADSB_OFF -> f.adsbOn = false;
            case ADSB_ON -> f.adsbOn = true;
            case SQUAWK -> f.squawk = (int) e.value();
            case RADIO_LOST -> f.radioLost = true;
            case RADIO_RESTORED -> f.radioLost = false;
            case LEAVE_ROUTE -> {
                f.guidance = Flight.Guidance.HEADING;
                f.commandedHeadingDeg = Angles.norm360(e.value());
            }
            case SPEED -> {
                f.targetSpeedKt = e.value();
                f.speedHeld = true;
            }
            case LEVEL -> f.targetAltitudeFt = e.value();
            case ADSB_SPOOF -> {
                f.spoofing = true;
                f.spoofOffsetNm = e.value();
                f.spoofBearingDeg = e.value2();
            }
            case ADSB_SPOOF_END -> f.spoofing = false;
            case JOIN -> {
                Flight target = flight(e.target());
                if (target != null) {
                    f.guidance = Flight.Guidance.JOIN;
                    f.joinTarget = target;
                }
            }
        }
    }

    /** Desired track over ground for this step; NaN keeps the heading. */
    private double desiredTrack(Flight f) {
        switch (f.guidance) {
            case HEADING:
                return f.commandedHeadingDeg;
            case JOIN: {
                Flight target = f.joinTarget;
                if (target == null || !target.airborne || target.finished) {
                    f.guidance = Flight.Guidance.HEADING;
                    f.commandedHeadingDeg = f.trackDeg;
                    return f.trackDeg;
                }
                double d = Sphere.distanceM(f.lat, f.lon, target.lat, target.lon) / Units.NM;
                f.targetAltitudeFt = target.altitudeFt + (d < 2 ? 300 : 0); // station slightly above
                f.speedHeld = true;
                // close fast, then hold station about 0.5 NM off
                f.targetSpeedKt = Math.max(
                        target.trueAirspeedKt - 40,
                        Math.min(f.spec.type().cruiseKt() * 1.2, target.trueAirspeedKt + (d - 0.5) * 40));
                if (d < 0.6) return target.trackDeg;
                return Sphere.bearingDeg(f.lat, f.lon, target.lat, target.lon);
            }
            default: {
                List<double[]> route = f.spec.route();
                while (true) {
                    double[] wp = route.get(f.leg);
                    boolean last = f.leg == route.size() - 1;
                    double d = Sphere.distanceM(f.lat, f.lon, wp[0], wp[1]);
                    updateDescent(f, d);
                    // anticipate the turn: a quarter of the turn radius is plenty at 25 deg bank
                    if (!last && d < CAPTURE + turnRadiusM(f) * 0.5) {
                        f.leg++;
                        continue;
                    }
                    return Sphere.bearingDeg(f.lat, f.lon, wp[0], wp[1]);
                }
            }
        }
    }

    private static final double CAPTURE = Kinematics.CAPTURE_M;

    private static double turnRadiusM(Flight f) {
        double v = f.trueAirspeedKt * Units.KT;
        return v * v / (Units.G * Math.tan(Math.toRadians(f.spec.type().maxBankDeg())));
    }

    /**
     * Starts the descent when the distance left is what the descent needs (3 NM per 1000 ft plus
     * 10 NM, more for slow-descending types), then keeps the target on a 3 degree approach path
     * (about 300 ft per NM) so that a flight never flies low and level towards its runway.
     */
    private void updateDescent(Flight f, double toNextM) {
        Airport dest = f.spec.destination();
        if (dest == null) return;
        double remaining = toNextM;
        List<double[]> route = f.spec.route();
        for (int i = f.leg; i < route.size() - 1; i++) {
            double[] a = route.get(i), b = route.get(i + 1);
            remaining += Sphere.distanceM(a[0], a[1], b[0], b[1]);
        }
        double remainingNm = remaining / Units.NM;
        if (!f.descending) {
            double toLose = f.altitudeFt - dest.elevationFt();
            double needNm = toLose / 1000.0 * 3.0 * (f.spec.type().descentFpm() < 1500 ? 1.3 : 1.0) + 10;
            if (remainingNm > needNm) return;
            f.descending = true;
        }
        double path = dest.elevationFt() + Math.max(0, remainingNm - 1) * 300;
        f.targetAltitudeFt = Math.min(f.spec.cruiseFt(), Math.min(f.targetAltitudeFt, path));
    }

    private void checkEnd(Flight f, double t) {
        String why = null;
        if (!scenario.inArea(f.lat, f.lon)) {
            why = SimListener.LEFT_AREA;
        } else if (f.guidance == Flight.Guidance.ROUTE
                && f.leg == f.spec.route().size() - 1) {
            double[] wp = f.spec.route().get(f.leg);
            double d = Sphere.distanceM(f.lat, f.lon, wp[0], wp[1]);
            Airport dest = f.spec.destination();
            if (dest != null) {
                // too high over the field: it keeps turning back to it while descending (a crude hold)
                if (d < 1.5 * Units.NM && f.altitudeFt < dest.elevationFt() + 1500) why = SimListener.LANDED;
            } else if (d < CAPTURE) {
                why = SimListener.ROUTE_END;
            }
        }
        if (why != null) {
            f.finished = true;
            f.airborne = false;
            listener.onFlightEvent(f, t, why, null);
        }
    }
}
