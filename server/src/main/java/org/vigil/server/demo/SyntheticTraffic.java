package org.vigil.server.demo;

import java.util.SplittableRandom;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.modes.AdsbEncoder;
import org.vigil.core.Callsigns;

/**
 * Synthetic ADS-B traffic over Bulgaria, Romania and the western Black Sea (lon 22-35 E,
 * lat 40-47 N) for {@code vigil demo}, until the scenario simulator exists. Airliners fly
 * great-circle legs between real airports of the region or through gates on the rim, climbing,
 * cruising and descending; finished flights are replaced by new ones. One aircraft squawks 7700
 * (general emergency), one (general aviation) transmits no identification.
 *
 * <p>Each aircraft transmits DF17 extended squitters at DO-260B-like rates with random spacing:
 * airborne position every 0.4-0.6 s alternating even/odd CPR, velocity every 0.4-0.6 s,
 * identification and operational status every 4.8-5.2 s, aircraft status (squawk) every
 * 4.8-5.2 s, 0.8-1.2 s for the emergency aircraft. Frame timestamps are the simulated
 * transmission times.
 *
 * <p>Determinism: given the seed, the start time and the aircraft count, the sequence of frames
 * (bytes and timestamps) is fixed; it does not depend on how the caller slices time into
 * {@link #advanceTo} calls, as long as no call skips more than {@link #MAX_CATCH_UP_NANOS}.
 * A larger step (the host was suspended, or a caller passed a wrong clock) is treated as a pause:
 * the picture resumes where it stopped instead of replaying the gap, and {@link #pauses()} counts
 * it. A time earlier than the last one is ignored and counted in {@link #clockRegressions()}.
 *
 * <p>Not thread-safe: call {@code advanceTo} from one thread (the demo's scheduler). Producing a
 * frame allocates nothing, and neither does starting a new flight: aircraft slots are reused.
 */
public final class SyntheticTraffic {
    public static final int DEFAULT_AIRCRAFT = 60;
    public static final int MAX_AIRCRAFT = 500;
    /** Largest step advanceTo replays; beyond it the picture pauses instead. */
    public static final long MAX_CATCH_UP_NANOS = 60_000_000_000L;

    /** Message kinds, index into {@link SyntheticFlight#nextNanos}. */
    static final int POSITION = 0, VELOCITY = 1, IDENTIFICATION = 2, OPERATIONAL_STATUS = 3, AIRCRAFT_STATUS = 4;
    static final int KINDS = 5;

    private static final long MS = 1_000_000L;
    /** Addresses are handed out along an odd stride so that a block repeats only after it is used up. */
    private static final int ADDRESS_STRIDE = 7919;
    private static final int[] RESERVED_SQUAWKS = {0, 1200, 2000, 7000, 7500, 7600, 7700, 7777};

    private final SplittableRandom random;
    private final SyntheticFlight[] flights;
    private final byte[] frame = new byte[AdsbEncoder.LONG_FRAME_BYTES];
    private final int addressOffset;
    private int addressSequence;
    private long clockNanos;

    private long framesEmitted;
    private long flightsCompleted;
    private long pauses;
    private long clockRegressions;

    /**
     * @param seed           any value; the same seed gives the same traffic
     * @param startTimeNanos simulated time of the first picture, nanoseconds since the Unix epoch
     * @param aircraftCount  aircraft in the air at any time, 1..{@value #MAX_AIRCRAFT} (40-80 looks right)
     */
    public SyntheticTraffic(long seed, long startTimeNanos, int aircraftCount) {
        if (aircraftCount < 1 || aircraftCount > MAX_AIRCRAFT) {
            throw new IllegalArgumentException("aircraft count must be 1.." + MAX_AIRCRAFT + ", was " + aircraftCount);
        }
        this.random = new SplittableRandom(seed);
        this.clockNanos = startTimeNanos;
        this.addressOffset = random.nextInt(1 << 14);
        this.flights = new SyntheticFlight[aircraftCount];
        for (int i = 0; i < aircraftCount; i++) {
            SyntheticFlight f = new SyntheticFlight();
            // slot 0 carries the emergency, slot 1 the aircraft without identification
            f.role = i == 0 ? SyntheticFlight.Role.EMERGENCY
                    : i == 1 ? SyntheticFlight.Role.NO_CALLSIGN : SyntheticFlight.Role.AIRLINER;
            flights[i] = f;
        }
        for (SyntheticFlight f : flights) {
            newFlight(f, startTimeNanos);
            warmUp(f, startTimeNanos);
        }
    }

    /**
     * Produces every frame due up to and including {@code timeNanos}, in time order.
     * @return the number of frames given to the sink
     */
    public int advanceTo(long timeNanos, FrameSink sink) {
        if (timeNanos < clockNanos) {
            clockRegressions++;
            return 0;
        }
        if (timeNanos - clockNanos > MAX_CATCH_UP_NANOS) {
            shiftSchedules(timeNanos - clockNanos);
            pauses++;
        }
        int emitted = 0;
        while (true) {
            // earliest pending transmission over all aircraft; ties go to the lower slot and kind
            SyntheticFlight due = null;
            int dueKind = -1;
            long dueAt = Long.MAX_VALUE;
            for (SyntheticFlight f : flights) {
                long[] next = f.nextNanos;
                for (int k = 0; k < KINDS; k++) {
                    if (next[k] < dueAt) {
                        dueAt = next[k];
                        due = f;
                        dueKind = k;
                    }
                }
            }
            if (due == null || dueAt > timeNanos) break;
            due.advance(dueAt);
            if (due.finished) {
                flightsCompleted++;
                newFlight(due, dueAt);
                continue;
            }
            encode(due, dueKind);
            due.nextNanos[dueKind] = dueAt + interval(due, dueKind);
            framesEmitted++;
            emitted++;
            sink.onFrame(frame, 0, AdsbEncoder.LONG_FRAME_BYTES, dueAt, -1, -1);
        }
        clockNanos = timeNanos;
        return emitted;
    }

    public int aircraftCount() { return flights.length; }
    /** Simulated time reached by the last {@link #advanceTo}. */
    public long clockNanos() { return clockNanos; }
    public long framesEmitted() { return framesEmitted; }
    /** Legs that ended (landed or left the area) and were replaced. */
    public long flightsCompleted() { return flightsCompleted; }
    /** advanceTo calls that skipped more than {@link #MAX_CATCH_UP_NANOS} (the picture paused). */
    public long pauses() { return pauses; }
    /** advanceTo calls with a time before the previous one (ignored). */
    public long clockRegressions() { return clockRegressions; }

    // ------------------------------------------------------------------ frames

    private void encode(SyntheticFlight f, int kind) {
        switch (kind) {
            case POSITION -> {
                int ss = f.role == SyntheticFlight.Role.EMERGENCY ? AdsbEncoder.SS_PERMANENT_ALERT : AdsbEncoder.SS_NO_CONDITION;
                AdsbEncoder.airbornePosition(frame, 0, f.icao, f.lat, f.lon, (int) Math.round(f.altitudeFt),
                        f.nextOdd, f.nic, ss);
                f.nextOdd = !f.nextOdd;
            }
            case VELOCITY -> AdsbEncoder.groundVelocity(frame, 0, f.icao, f.groundspeedKt, f.trackDeg,
                    (int) Math.round(f.verticalRateFpm), f.vrSource, f.geoMinusBaroFt, 1);
            case IDENTIFICATION -> AdsbEncoder.identification(frame, 0, f.icao, 4, f.category, f.callsign);
            case OPERATIONAL_STATUS -> AdsbEncoder.operationalStatus(frame, 0, f.icao,
                    AdsbEncoder.nicSupplementAFor(f.nic), f.nacP, 3, 2, 1);
            case AIRCRAFT_STATUS -> AdsbEncoder.aircraftStatus(frame, 0, f.icao,
                    f.role == SyntheticFlight.Role.EMERGENCY ? AdsbEncoder.EMERGENCY_GENERAL : AdsbEncoder.EMERGENCY_NONE,
                    f.squawk);
            default -> throw new IllegalStateException("unknown message kind");
        }
    }

    /** Time to the next transmission of a kind, with the random spread transponders use. */
    private long interval(SyntheticFlight f, int kind) {
        return switch (kind) {
            case POSITION, VELOCITY -> random.nextLong(400 * MS, 600 * MS + 1);
            case AIRCRAFT_STATUS -> f.role == SyntheticFlight.Role.EMERGENCY
                    ? random.nextLong(800 * MS, 1200 * MS + 1) : random.nextLong(4800 * MS, 5200 * MS + 1);
            default -> random.nextLong(4800 * MS, 5200 * MS + 1);
        };
    }

    private void shiftSchedules(long by) {
        for (SyntheticFlight f : flights) {
            f.stateNanos += by;
            for (int k = 0; k < KINDS; k++) if (f.nextNanos[k] != Long.MAX_VALUE) f.nextNanos[k] += by;
        }
    }

    // ------------------------------------------------------------------ flights

    /** Fills a slot with a new flight starting at {@code t}: leg, identity and transmit schedule. */
    private void newFlight(SyntheticFlight f, long t) {
        boolean ga = f.role == SyntheticFlight.Role.NO_CALLSIGN;
        f.generalAviation = ga;
        chooseLeg(f, ga);
        double distance = SyntheticFlight.distanceNm(f.from.lat, f.from.lon, f.to.lat, f.to.lon);
        boolean eastbound = SyntheticFlight.bearingDeg(f.from.lat, f.from.lon, f.to.lat, f.to.lon) < 180;
        f.cruiseAltitudeFt = cruiseLevel(distance, eastbound, ga, f.from.gate || f.to.gate);
        // true airspeed grows with height; no wind, so ground speed = true airspeed
        f.cruiseSpeedKt = ga ? 130 : f.cruiseAltitudeFt >= 29_000 ? 430 + random.nextInt(60)
                : f.cruiseAltitudeFt >= 20_000 ? 380 + random.nextInt(50) : 320 + random.nextInt(50);

        DemoAirspace.Airline operator = ga ? DemoAirspace.GENERAL_AVIATION : operatorFor(f);
        f.icao = operator.addressBase + (int) (((long) (addressOffset + addressSequence++) * ADDRESS_STRIDE)
                % operator.addressBlockSize);
        f.callsign = ga ? 0 : uniqueCallsign(f, operator);
        f.category = ga ? 1 : pickCategory(operator);
        f.squawk = f.role == SyntheticFlight.Role.EMERGENCY ? 7700 : uniqueSquawk(f);
        f.nic = ga ? 6 : random.nextInt(10) < 8 ? 8 : 7;
        f.nacP = ga ? 8 : random.nextBoolean() ? 9 : 10;
        f.vrSource = random.nextInt(10) < 7 ? AdsbEncoder.VR_SOURCE_GNSS : AdsbEncoder.VR_SOURCE_BARO;
        f.geoMinusBaroFt = random.nextInt(-200, 601);
        f.startLeg(t);

        long[] next = f.nextNanos;
        next[POSITION] = t + random.nextLong(1, 500 * MS);
        next[VELOCITY] = t + random.nextLong(1, 500 * MS);
        next[IDENTIFICATION] = ga ? Long.MAX_VALUE : t + random.nextLong(1, 5000 * MS);
        next[OPERATIONAL_STATUS] = t + random.nextLong(1, 5000 * MS);
        next[AIRCRAFT_STATUS] = t + random.nextLong(1, f.role == SyntheticFlight.Role.EMERGENCY ? 1000 * MS : 5000 * MS);
        f.nextOdd = random.nextBoolean();
    }

    /** Puts a flight of the opening picture somewhere along its leg, so the sky is not empty at start. */
    private void warmUp(SyntheticFlight f, long t) {
        double distance = SyntheticFlight.distanceNm(f.from.lat, f.from.lon, f.to.lat, f.to.lon);
        double seconds = distance / (0.8 * f.cruiseSpeedKt) * 3600.0 * random.nextDouble() * 0.85;
        for (double s = 0; s < seconds && !f.finished; s += 2.0) f.step(2.0);
        if (f.finished) f.startLeg(t);
        f.stateNanos = t;
    }

    private void chooseLeg(SyntheticFlight f, boolean ga) {
        DemoAirspace.Place[] airports = DemoAirspace.AIRPORTS, gates = DemoAirspace.GATES;
        while (true) {
            double r = random.nextDouble();
            DemoAirspace.Place from, to;
            if (ga || r >= 0.4) {
                from = airports[random.nextInt(airports.length)];
                to = airports[random.nextInt(airports.length)];
            } else if (r < 0.2) {
                from = gates[random.nextInt(gates.length)];
                to = gates[random.nextInt(gates.length)];
            } else if (r < 0.3) {
                from = gates[random.nextInt(gates.length)];
                to = airports[random.nextInt(airports.length)];
            } else {
                from = airports[random.nextInt(airports.length)];
                to = gates[random.nextInt(gates.length)];
            }
            if (from == to) continue;
            double d = SyntheticFlight.distanceNm(from.lat, from.lon, to.lat, to.lon);
            // airliners do not hop 60 NM; general aviation does not cross the region
            if (ga ? (d < 50 || d > 220) : d < (from.gate && to.gate ? 250 : 120)) continue;
            f.from = from;
            f.to = to;
            return;
        }
    }

    /**
     * Cruise level by leg length and direction (semicircular rule: odd levels eastbound, even
     * westbound), capped so that climb and a 3-in-1000 descent fit in the leg.
     */
    private int cruiseLevel(double distanceNm, boolean eastbound, boolean ga, boolean viaGate) {
        if (ga) return eastbound ? 5_500 : 6_500;
        int fl;
        if (viaGate || distanceNm > 300) fl = 290 + 20 * random.nextInt(6);       // FL290-390
        else if (distanceNm > 180) fl = 230 + 20 * random.nextInt(3);             // FL230-270
        else fl = 150 + 20 * random.nextInt(3);                                   // FL150-190
        if (!eastbound) fl += 10;
        int capFl = (int) (distanceNm / 5.5 * 10);
        while (fl > capFl && fl > 70) fl -= 20;
        return fl * 100;
    }

    private DemoAirspace.Airline operatorFor(SyntheticFlight f) {
        DemoAirspace.Place home = f.from.gate ? f.to : f.from;
        DemoAirspace.Airline[] candidates;
        if (home.gate) candidates = DemoAirspace.OVERFLIGHT_OPERATORS;
        else if (home.name.startsWith("LT")) candidates = DemoAirspace.TURKISH_OPERATORS;
        else if (home.name.startsWith("LR")) candidates = DemoAirspace.ROMANIAN_OPERATORS;
        else if (home.name.startsWith("LB")) candidates = DemoAirspace.BULGARIAN_OPERATORS;
        else if (home.name.startsWith("LG")) candidates = DemoAirspace.GREEK_OPERATORS;
        else candidates = DemoAirspace.MOLDOVAN_OPERATORS;
        return candidates[random.nextInt(candidates.length)];
    }

    private long uniqueCallsign(SyntheticFlight self, DemoAirspace.Airline operator) {
        while (true) {
            int number = random.nextInt(10) < 6 ? random.nextInt(100, 1000) : random.nextInt(1000, 10_000);
            long cs = packCallsign(operator.designator, number);
            boolean taken = false;
            for (SyntheticFlight f : flights) if (f != self && f.callsign == cs) taken = true;
            if (!taken) return cs;
        }
    }

    /**
     * Designator and flight number packed as {@link Callsigns#pack} would pack their text, without
     * building the text: letters A-Z are codes 1-26, digits 48-57, space 32.
     */
    static long packCallsign(String designator, int number) {
        long v = 0;
        int n = 0;
        for (int i = 0; i < designator.length(); i++, n++) v = (v << 6) | (designator.charAt(i) - 'A' + 1);
        int digits = number >= 1000 ? 4 : number >= 100 ? 3 : number >= 10 ? 2 : 1;
        for (int d = digits - 1; d >= 0; d--, n++) {
            int div = d == 3 ? 1000 : d == 2 ? 100 : d == 1 ? 10 : 1;
            v = (v << 6) | (48 + number / div % 10);
        }
        for (; n < 8; n++) v = (v << 6) | 32;
        return v;
    }

    private int uniqueSquawk(SyntheticFlight self) {
        while (true) {
            int sq = random.nextInt(1, 8) * 1000 + random.nextInt(8) * 100 + random.nextInt(8) * 10 + random.nextInt(8);
            boolean bad = false;
            for (int r : RESERVED_SQUAWKS) if (r == sq) bad = true;
            for (SyntheticFlight f : flights) if (f != self && f.squawk == sq) bad = true;
            if (!bad) return sq;
        }
    }

    /** Mostly A3 (large); some A2 (small: regional jets, turboprops); A5 (heavy) only for long-haul operators. */
    private int pickCategory(DemoAirspace.Airline operator) {
        int r = random.nextInt(10);
        boolean longHaul = operator == DemoAirspace.THY || operator == DemoAirspace.DLH || operator == DemoAirspace.LOT;
        if (longHaul && r < 2) return 5;
        return r == 9 ? 2 : 3;
    }
}
