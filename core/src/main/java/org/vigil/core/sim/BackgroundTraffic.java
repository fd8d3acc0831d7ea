package org.vigil.core.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;

/**
 * Generates random civil traffic from a {@link BackgroundSpec}: departures as a Poisson process at
 * the given rate, plus flights already en route at the start placed uniformly along their legs.
 * Pairs of distinct airports at least 60 NM apart; cruise level by the semicircular rule (odd
 * thousands eastbound, even westbound), lower on short legs; operators, addresses and codes drawn
 * so that callsigns and addresses are unique within the run: unique among the background flights,
 * and never one of the written flights' or the QRA units' (an address drawn that is taken moves to
 * the next free one; two aircraft with one address would be one aircraft to every decoder and tracker).
 *
 * <p>Deterministic: uses its own random stream derived from the scenario seed, so adding sensors
 * or changing written flights does not change the background traffic.
 */
public final class BackgroundTraffic {
    /** Operator: ICAO three-letter designator and the nation's 24-bit address block. */
    private record Operator(String prefix, int addressBase) {}

    private static final Operator[] OPERATORS = {
        new Operator("ROT", 0x4A0000), new Operator("LZB", 0x450000), new Operator("THY", 0x4B8000),
        new Operator("PGT", 0x4B9000), new Operator("WZZ", 0x470000), new Operator("LOT", 0x488000),
        new Operator("DLH", 0x3C0000), new Operator("AUA", 0x440000), new Operator("RYR", 0x4CA000),
        new Operator("AEE", 0x468000), new Operator("BMS", 0x4A2000), new Operator("SXS", 0x4BA000)
    };
    /** Salt that separates this random stream from the sensors' streams. */
    public static final long STREAM = 0x6B61_636B_6772_6F75L;
    /** Salt of the general aviation's own stream (so adding it leaves the airline traffic as it was). */
    public static final long GA_STREAM = 0x6761_5F76_6672_2121L;

    private BackgroundTraffic() {}

    /** Flight specs for the scenario's background traffic; {@code firstIndex} numbers them after the written flights. */
    public static List<FlightSpec> generate(Scenario scenario, int firstIndex) {
        BackgroundSpec b = scenario.background();
        List<FlightSpec> out = new ArrayList<>();
        if (b == null || b.airports().size() < 2 || b.types().isEmpty()) return out;
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ STREAM);
        Taken taken = new Taken(scenario);
        int serial = 0;
        for (int i = 0; i < b.airborne(); i++) {
            out.add(taken.unique(flight(b, random, firstIndex + serial++, 0, random.nextDouble(0.03, 0.97))));
        }
        if (b.perHour() > 0) {
            double t = 0;
            double meanGap = 3600.0 / b.perHour();
            while (true) {
                t += -Math.log(1 - random.nextDouble()) * meanGap;
                if (t >= scenario.durationSeconds()) break;
                out.add(taken.unique(flight(b, random, firstIndex + serial++, t, Double.NaN)));
            }
        }
        AircraftType light = AircraftType.of("C172");
        if (b.gaPerHour() > 0 && light != null) {
            SplittableRandom ga = new SplittableRandom(scenario.seed() ^ GA_STREAM);
            double t = 0;
            double meanGap = 3600.0 / b.gaPerHour();
            while (true) {
                t += -Math.log(1 - ga.nextDouble()) * meanGap;
                if (t >= scenario.durationSeconds()) break;
                FlightSpec f = generalAviation(b, light, ga, firstIndex + serial++, t);
                if (f != null) out.add(taken.unique(f));
            }
        }
        return out;
    }

    /** A VFR light aircraft between two airports 30 to 150 NM apart, or null when the airports have no such pair. */
    private static FlightSpec generalAviation(
            BackgroundSpec b, AircraftType type, SplittableRandom r, int serial, double start) {
        List<Airport> airports = b.airports();
        Airport from = null, to = null;
        for (int tries = 0; tries < 50; tries++) {
            Airport x = airports.get(r.nextInt(airports.size()));
            Airport y = airports.get(r.nextInt(airports.size()));
            double nm = Sphere.distanceM(x.lat(), x.lon(), y.lat(), y.lon()) / Units.NM;
            if (!x.equals(y) && nm >= 30 && nm <= 150) {
                from = x;
                to = y;
                break;
            }
        }
        if (from == null) return null;
        boolean east = Sphere.bearingDeg(from.lat(), from.lon(), to.lat(), to.lon()) < 180;
        // VFR semicircular: odd thousands + 500 eastbound, even + 500 westbound
        int thousands = 2 + r.nextInt(4);
        if (east != (thousands % 2 == 1)) thousands++;
        double cruiseFt = thousands * 1000.0 + 500;
        boolean adsb = r.nextDouble() < b.gaAdsbShare();
        int icao = (0x3E0000 + 0x100 + serial * 5) & 0xFFFFFF;
        String callsign = "GAV" + (100 + serial % 9900);
        return new FlightSpec(
                callsign,
                icao,
                type,
                squawkFor(serial),
                true,
                adsb,
                true,
                from,
                to,
                List.of(new double[] {from.lat(), from.lon()}, new double[] {to.lat(), to.lon()}),
                start,
                Double.NaN,
                cruiseFt,
                type.cruiseKt() - r.nextInt(10),
                'V',
                List.of());
    }

    /** @param along NaN to depart from the airport, else the fraction of the leg already flown */
    private static FlightSpec flight(BackgroundSpec b, SplittableRandom r, int serial, double start, double along) {
        List<Airport> airports = b.airports();
        Airport from, to;
        double dist;
        do {
            from = airports.get(r.nextInt(airports.size()));
            to = airports.get(r.nextInt(airports.size()));
            dist = Sphere.distanceM(from.lat(), from.lon(), to.lat(), to.lon()) / Units.NM;
        } while (from.equals(to) || dist < 60);
        AircraftType type = b.types().get(r.nextInt(b.types().size()));
        Operator op = OPERATORS[r.nextInt(OPERATORS.length)];
        boolean east = Sphere.bearingDeg(from.lat(), from.lon(), to.lat(), to.lon()) < 180;
        double topFt = Math.min(type.cruiseFt() + 2000, 13000 + dist * 120);
        int thousands = (int) Math.max(8, Math.floor(topFt / 1000));
        if (thousands >= 29) { // RVSM: odd eastbound, even westbound
            if (east != (thousands % 2 == 1)) thousands--;
        }
        double cruiseFt = thousands * 1000.0;
        double cruiseKt = type.cruiseKt() - r.nextInt(20);
        int icao = (op.addressBase + 0x100 + serial * 7) & 0xFFFFFF;
        String callsign = op.prefix + (100 + serial % 9900);
        int squawk = squawkFor(serial);
        List<double[]> route = new ArrayList<>();
        double startAlt = Double.NaN;
        if (Double.isNaN(along)) {
            route.add(new double[] {from.lat(), from.lon()});
        } else {
            double[] p = new double[2];
            Sphere.destination(
                    from.lat(),
                    from.lon(),
                    Sphere.bearingDeg(from.lat(), from.lon(), to.lat(), to.lon()),
                    along * dist * Units.NM,
                    p);
            route.add(p);
            // on the descent profile (3 NM per 1000 ft plus 10 NM) when placed close to the destination
            double remainingNm = (1 - along) * dist;
            double profileFt = to.elevationFt() + 1500 + Math.max(0, remainingNm - 10) / 3 * 1000;
            startAlt = Math.min(cruiseFt, Math.round(profileFt / 100) * 100.0);
        }
        route.add(new double[] {to.lat(), to.lon()});
        boolean adsb = r.nextDouble() < b.adsbShare();
        return new FlightSpec(
                callsign, icao, type, squawk, true, adsb, true, from, to, route, start, startAlt, cruiseFt, cruiseKt,
                'I', List.of());
    }

    /**
     * Addresses and callsigns in use in the run. Why after the draw and not in it: the random stream
     * stays as it was, so a collision moves one address (and the background traffic is otherwise
     * the same flights as before).
     */
    private static final class Taken {
        private final java.util.Set<Integer> addresses = new java.util.HashSet<>();
        private final java.util.Set<String> callsigns = new java.util.HashSet<>();

        Taken(Scenario sc) {
            for (FlightSpec f : sc.flights()) {
                addresses.add(f.icao());
                if (f.callsign() != null && !f.callsign().isBlank())
                    callsigns.add(f.callsign().trim());
            }
            for (QraUnit u : sc.qra()) {
                for (int i = 0; i < Math.max(1, u.count()); i++) addresses.add((u.icaoBase() + i) & 0xFFFFFF);
            }
        }

        FlightSpec unique(FlightSpec f) {
            int icao = f.icao();
            while (!addresses.add(icao)) icao = (icao + 1) & 0xFFFFFF;
            String cs = f.callsign();
            if (!callsigns.add(cs)) {
                String prefix = cs.substring(0, 3);
                int n = Integer.parseInt(cs.substring(3));
                do {
                    n = n >= 9999 ? 100 : n + 1;
                    cs = prefix + n;
                } while (!callsigns.add(cs));
            }
            if (icao == f.icao() && cs.equals(f.callsign())) return f;
            return new FlightSpec(
                    cs,
                    icao,
                    f.type(),
                    f.squawk(),
                    f.transponder(),
                    f.adsb(),
                    f.filesPlan(),
                    f.departure(),
                    f.destination(),
                    f.route(),
                    f.startSeconds(),
                    f.startAltitudeFt(),
                    f.cruiseFt(),
                    f.cruiseKt(),
                    f.rules(),
                    f.events());
        }
    }

    /** A Mode A code from 0100 to 6777 (octal) that is not a reserved code, as four decimal digits. */
    static int squawkFor(int serial) {
        int span = 06777 - 0100;
        int code = 0100 + (int) ((serial * 1237L + 91) % span);
        int asDigits = (code >> 9) * 1000 + ((code >> 6) & 7) * 100 + ((code >> 3) & 7) * 10 + (code & 7);
        if (asDigits == 1200 || asDigits == 2000) asDigits += 1;
        return asDigits;
    }
}
