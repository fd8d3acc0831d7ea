package org.vigil.server.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.FlightSpec;
import org.vigil.core.sim.Scenario;
import org.vigil.core.sim.Simulation;

/**
 * ICAO flight plan (FPL) messages, PANS-ATM Doc 4444 appendix 2/3 layout, for every flight that files
 * one. Written once at the start of a run (not a hot path). Items: 7 aircraft identification
 * and the assigned SSR code (/A, when discrete),
 * 8 flight rules and type (S scheduled, M military, G general aviation), 9 type and wake, 10
 * equipment (a fixed typical modern set), 13 departure and EOBT, 15 speed (N + knots), level (F + FL),
 * route as DCT between coordinates, 16 destination and total EET, 18 DOF and, for points that
 * are not aerodromes, DEP/ and DEST/ coordinates.
 */
final class FlightPlans {
    private FlightPlans() {}

    /**
     * The FPL messages of every flight that files one and appears within the scenario's duration,
     * in flight order: what {@code flightplans.txt} holds and what a live run files at its start.
     */
    static List<String> all(Scenario sc, Simulation sim) {
        List<String> out = new ArrayList<>();
        for (Flight f : sim.flights()) {
            FlightSpec s = f.spec;
            if (!s.filesPlan() || s.startSeconds() > sc.durationSeconds()) continue;
            out.add(message(sc, s));
        }
        return out;
    }

    static String message(Scenario sc, FlightSpec f) {
        StringBuilder b = new StringBuilder(256);
        String kind = f.type().military() ? "M" : f.rules() == 'V' || f.type().category() == 1 ? "G" : "S";
        b.append("(FPL-").append(f.callsign());
        // item 7's SSR code: the code ATC assigned, which is what a Mode A/C-only radar track can be correlated by
        if (discrete(f.squawk())) b.append("/A").append(String.format(Locale.ROOT, "%04d", f.squawk()));
        b.append('-').append(f.rules()).append(kind).append('\n');
        b.append('-')
                .append(f.type().designator())
                .append('/')
                .append(f.type().wake())
                .append(f.type().category() == 1 ? "-SDFGY/S" : "-SDE2E3FGHIJ1RWY/LB1")
                .append('\n');
        // EOBT: the departure time, or (airborne at start) the time it would have left its first point
        double depSeconds = f.startSeconds();
        if (!Double.isNaN(f.startAltitudeFt()) && f.departure() != null) {
            double[] p0 = f.route().get(0);
            depSeconds -=
                    Sphere.distanceM(f.departure().lat(), f.departure().lon(), p0[0], p0[1]) / (f.cruiseKt() * Units.KT)
                            + 900;
        }
        ZonedDateTime eobt = Instant.ofEpochSecond(sc.startEpochSeconds() + (long) Math.floor(depSeconds))
                .atZone(ZoneOffset.UTC);
        b.append('-')
                .append(f.departure() != null ? f.departure().icao() : "ZZZZ")
                .append(String.format(Locale.ROOT, "%02d%02d", eobt.getHour(), eobt.getMinute()))
                .append('\n');
        b.append(String.format(Locale.ROOT, "-N%04dF%03d", Math.round(f.cruiseKt()), Math.round(f.cruiseFt() / 100)));
        List<double[]> route = f.route();
        double total = 0;
        int first = f.departure() != null ? 1 : 0;
        int last = f.destination() != null ? route.size() - 1 : route.size();
        for (int i = first; i < last; i++) b.append(" DCT ").append(coordinate(route.get(i)));
        b.append(" DCT\n");
        double[] a = f.departure() != null
                ? new double[] {f.departure().lat(), f.departure().lon()}
                : route.get(0);
        for (double[] p : route) {
            total += Sphere.distanceM(a[0], a[1], p[0], p[1]);
            a = p;
        }
        long eetMin = Math.round(total / (f.cruiseKt() * Units.KT) / 60) + 10;
        b.append('-')
                .append(f.destination() != null ? f.destination().icao() : "ZZZZ")
                .append(String.format(Locale.ROOT, "%02d%02d", eetMin / 60, eetMin % 60))
                .append('\n');
        b.append(String.format(
                Locale.ROOT, "-DOF/%02d%02d%02d", eobt.getYear() % 100, eobt.getMonthValue(), eobt.getDayOfMonth()));
        if (f.departure() == null) b.append(" DEP/").append(coordinate(route.get(0)));
        if (f.destination() == null) b.append(" DEST/").append(coordinate(route.get(route.size() - 1)));
        b.append(" CODE/").append(String.format("%06X", f.icao())).append(")\n");
        return b.toString();
    }

    /** Whether a code identifies a flight (not conspicuity 1200/2000/7000, not an emergency code). */
    static boolean discrete(int squawk) {
        return squawk > 0
                && squawk != 1200
                && squawk != 2000
                && squawk != 7000
                && squawk != 7500
                && squawk != 7600
                && squawk != 7700;
    }

    /** ICAO coordinate with minutes: 4312N02749E. */
    static String coordinate(double[] p) {
        return coord(Math.abs(p[0]), 2) + (p[0] >= 0 ? "N" : "S") + coord(Math.abs(p[1]), 3) + (p[1] >= 0 ? "E" : "W");
    }

    private static String coord(double deg, int width) {
        long minutes = Math.round(deg * 60);
        return String.format(Locale.ROOT, "%0" + width + "d%02d", minutes / 60, minutes % 60);
    }
}
