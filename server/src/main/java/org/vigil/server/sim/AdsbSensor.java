package org.vigil.server.sim;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.codec.asterix.Cat021Writer;
import org.vigil.codec.feed.BeastEncoder;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FrameSink;
import org.vigil.codec.feed.SbsWriter;
import org.vigil.codec.modes.AdsbEncoder;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.aircraft.Emergency;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Simulation;

/**
 * ADS-B (1090 ES, DF17) transmissions of every flight whose transponder and ADS-B are on, received
 * by each ground receiver in range and written as Beast binary frames, one file per receiver.
 *
 * <p>Rates (DO-260B, domain brief 5.3), each with a uniform +-20 % spread: airborne position and
 * velocity every 0.5 s (2 Hz), identification every 5 s (0.2 Hz), operational status every 2.5 s
 * (0.4 Hz), aircraft status every 5 s, or 0.8 s while squawking 7500/7600/7700. Position messages alternate
 * even and odd CPR. A spoofed flight reports a position moved by the event's offset and bearing.
 *
 * <p>Reception: a frame reaches a receiver when the aircraft is within both the receiver's range and
 * the radio horizon (1.23 (√h_aircraft + √h_receiver) NM, heights in feet), and then is lost with the
 * receiver's loss probability. Beast timestamps are 12 MHz ticks since the scenario start.
 *
 * <p>Per step: transmissions due in [t, t + step) are gathered, ordered by time (ties by flight and
 * kind), encoded once and copied to each receiver (a null output only counts). Nothing is
 * allocated per frame.
 */
final class AdsbSensor {
    static final int POSITION = 0, VELOCITY = 1, IDENTIFICATION = 2, OPERATIONAL = 3, STATUS = 4, KINDS = 5;
    static final long SALT = 0x4144_5342_0000_0001L;
    private static final double TICKS_PER_SECOND = 12_000_000.0;

    private final ReceiverSpec[] receivers;
    private final ByteOut[] outs;
    private final long[] frames;
    private final SplittableRandom random;
    private double[] next = new double[0]; // flight * KINDS + kind: next transmission, NaN = not scheduled
    private boolean[] odd = new boolean[0];
    private long[] pending = new long[4096];
    private final byte[] frame = new byte[AdsbEncoder.LONG_FRAME_BYTES];
    private final byte[] beast = new byte[BeastEncoder.MAX_ENCODED];
    private final double[] p = new double[3];
    private final double[] spoofed = new double[2];
    private long transmitted;
    /** Optional live consumer (the pipeline): gets each frame once if any receiver heard it. */
    private FrameSink live;

    private long liveEpochNanos;
    private long liveFrames;
    /** Receiver that heard the frame being delivered live best (strongest signal). */
    private int liveReceiver = -1;
    /** Optional per-receiver counters (frames heard, Beast octets), for the live feed status. */
    private FeedCounters[] counters;
    /** Optional per-receiver SBS and CAT021 outputs (null entries: not written), see {@link #alsoWrite}. */
    private ByteOut[] sbsOuts, cat021Outs;

    private long startEpochMillis;
    private int cat021Sac;
    private final Cat021Writer cat021 = new Cat021Writer();
    private final byte[] block = new byte[128];
    private double posLat, posLon;
    /** GNSS jammers and spoofers acting on what the aircraft transmit (docs/SCENARIOS.md "GNSS interference"). */
    private org.vigil.core.sim.GnssArea[] gnssAreas = new org.vigil.core.sim.GnssArea[0];

    private final double[] gnssOut = new double[2];

    AdsbSensor(List<ReceiverSpec> receivers, List<ByteOut> outs, long seed) {
        this.receivers = receivers.toArray(new ReceiverSpec[0]);
        this.outs = outs.toArray(new ByteOut[0]);
        this.frames = new long[this.receivers.length];
        this.random = new SplittableRandom(seed ^ SALT);
    }

    /**
     * Also writes what each receiver hears as SBS lines (as readsb's port 30003 would: identification,
     * airborne position, velocity, squawk) and as CAT021 reports (the receiver as an ADS-B ground
     * station, SAC {@code sac}, SIC = receiver number from 1: one report per airborne position, with
     * the latest identification, velocity and squawk). Lists hold one output per receiver, or are null.
     */
    void alsoWrite(List<ByteOut> sbs, List<ByteOut> cat021Reports, long startEpochSeconds, int sac) {
        this.sbsOuts = sbs == null ? null : sbs.toArray(new ByteOut[0]);
        this.cat021Outs = cat021Reports == null ? null : cat021Reports.toArray(new ByteOut[0]);
        this.startEpochMillis = startEpochSeconds * 1000;
        this.cat021Sac = sac;
    }

    /** The file outputs' degradations ({@link #degrade}); null: none. */
    private SimDegradations fileDegradations;

    private long fileEpochNanos;

    /**
     * Applies the scenario's degradations to what is written: a dropped receiver writes nothing
     * (Beast, SBS, CAT021); latency, reorder and stale act on its Beast output ({@link SimRunner}
     * writes what {@link SimDegradations#release} lets out).
     */
    void degrade(SimDegradations d, long startEpochSeconds) {
        this.fileDegradations = d;
        this.fileEpochNanos = startEpochSeconds * 1_000_000_000L;
    }

    /** Counts a frame receiver {@code r} wrote later (released after a hold). */
    void wroteLater(int r) {
        frames[r]++;
    }

    /** The scenario's GNSS jammers and spoofers (none: every aircraft transmits clean ADS-B). */
    void gnss(List<org.vigil.core.sim.GnssArea> areas) {
        this.gnssAreas = areas.toArray(new org.vigil.core.sim.GnssArea[0]);
    }

    long framesWritten(int receiver) {
        return frames[receiver];
    }

    /** Also delivers every received frame to {@code sink}, time-stamped from {@code startEpochSeconds}. */
    void live(FrameSink sink, long startEpochSeconds) {
        this.live = sink;
        this.liveEpochNanos = startEpochSeconds * 1_000_000_000L;
    }
    /** Counts, per receiver, each frame heard and the Beast octets it would send (thread-safe counters). */
    void count(FeedCounters[] perReceiver) {
        this.counters = perReceiver;
    }

    /** During a live delivery: index of the receiver the frame is credited to. */
    int liveReceiver() {
        return liveReceiver;
    }

    long transmitted() {
        return transmitted;
    }

    long liveFrames() {
        return liveFrames;
    }

    /** Transmissions due in [sim.time(), sim.time() + step), from the state at sim.time(). */
    void scan(Simulation sim) {
        List<Flight> flights = sim.flights();
        int n = flights.size();
        if (next.length < n * KINDS) {
            int old = next.length;
            next = Arrays.copyOf(next, n * KINDS);
            Arrays.fill(next, old, next.length, Double.NaN);
            odd = Arrays.copyOf(odd, n);
        }
        double t0 = sim.time(), t1 = t0 + Simulation.STEP_SECONDS;
        int count = 0;
        for (int i = 0; i < n; i++) {
            Flight f = flights.get(i);
            int base = i * KINDS;
            if (!f.airborne || !f.transponderOn || !f.adsbOn) {
                if (!Double.isNaN(next[base])) for (int k = 0; k < KINDS; k++) next[base + k] = Double.NaN;
                continue;
            }
            if (Double.isNaN(next[base])) {
                // switched on (or appeared): first transmissions spread over the first interval
                for (int k = 0; k < KINDS; k++) next[base + k] = t0 + random.nextDouble() * interval(f, k) * 0.5;
            }
            for (int k = 0; k < KINDS; k++) {
                while (next[base + k] < t1) {
                    if (count == pending.length) {
                        pending = Arrays.copyOf(pending, count * 2);
                    }
                    // sort key: time in microseconds within the step, then flight, then kind
                    long us = (long) ((next[base + k] - t0) * 1e6);
                    pending[count] = us << 32 | (long) i << 3 | k;
                    count++;
                    next[base + k] += interval(f, k);
                }
            }
        }
        if (count == 0) return;
        // time order (microsecond keys; ties by flight, then kind)
        Arrays.sort(pending, 0, count);
        for (int j = 0; j < count; j++) {
            long key = pending[j];
            int i = (int) (key >>> 3) & 0x1FFFFFFF;
            int k = (int) (key & 7);
            double t = t0 + (key >>> 32) / 1e6;
            transmit(flights.get(i), i, k, t, t0);
        }
    }

    private void transmit(Flight f, int i, int kind, double t, double t0) {
        f.extrapolate(t - t0, p);
        int icao = f.spec.icao();
        int alt = (int) Math.round(p[2]);
        int len;
        int nic = AdsbEncoder.DEFAULT_NIC, nacP = 9;
        double gnssLat = Double.NaN, gnssLon = Double.NaN;
        for (org.vigil.core.sim.GnssArea a : gnssAreas) {
            int e = a.effect(t, p[0], p[1], p[2], gnssOut);
            if (e == org.vigil.core.sim.GnssArea.LOST) {
                if (kind == POSITION) return; // no GNSS, no position: velocity and the rest go on
                nic = 0;
                nacP = 0;
            } else if (e == org.vigil.core.sim.GnssArea.DEGRADED) {
                nic = Math.min(nic, (int) gnssOut[0]);
                nacP = Math.min(nacP, (int) gnssOut[1]);
            } else if (e == org.vigil.core.sim.GnssArea.SPOOFED && Double.isNaN(gnssLat)) {
                gnssLat = gnssOut[0];
                gnssLon = gnssOut[1];
            }
        }
        switch (kind) {
            case POSITION -> {
                double lat = p[0], lon = p[1];
                if (!Double.isNaN(gnssLat)) {
                    lat = gnssLat;
                    lon = gnssLon;
                }
                if (f.spoofing) {
                    Sphere.destination(lat, lon, f.spoofBearingDeg, f.spoofOffsetNm * Units.NM, spoofed);
                    lat = spoofed[0];
                    lon = spoofed[1];
                }
                int ss = emergency(f.squawk) != Emergency.NONE
                        ? AdsbEncoder.SS_PERMANENT_ALERT
                        : AdsbEncoder.SS_NO_CONDITION;
                posLat = lat;
                posLon = lon;
                len = AdsbEncoder.airbornePosition(frame, 0, icao, lat, lon, alt, odd[i], nic, ss);
                odd[i] = !odd[i];
            }
            case VELOCITY ->
                len = AdsbEncoder.groundVelocity(
                        frame,
                        0,
                        icao,
                        f.groundspeedKt,
                        f.trackDeg,
                        (int) Math.round(f.verticalRateFpm),
                        AdsbEncoder.VR_SOURCE_BARO,
                        ModeSMessage.ABSENT,
                        1);
            case IDENTIFICATION ->
                len = AdsbEncoder.identification(
                        frame, 0, icao, 4, Math.min(7, f.spec.type().category()), f.packedCallsign);
            case OPERATIONAL ->
                len = AdsbEncoder.operationalStatus(frame, 0, icao, AdsbEncoder.nicSupplementAFor(nic), nacP, 3, 2, 1);
            default -> len = AdsbEncoder.aircraftStatus(frame, 0, icao, emergency(f.squawk), f.squawk);
        }
        transmitted++;
        long ticks = Math.round(t * TICKS_PER_SECOND);
        int best = -1, bestReceiver = -1;
        long timeNanos = liveEpochNanos + Math.round(t * 1e9);
        for (int r = 0; r < receivers.length; r++) {
            ReceiverSpec rx = receivers[r];
            double d = Sphere.distanceM(rx.lat(), rx.lon(), p[0], p[1]) / Units.NM;
            double horizon = 1.23 * (Math.sqrt(Math.max(0, p[2])) + Math.sqrt(Math.max(0, rx.heightM() / Units.FT)));
            if (d > rx.rangeNm() || d > horizon) continue;
            if (random.nextDouble() < rx.loss()) continue;
            int signal = (int) Math.max(20, Math.min(250, 250 - d));
            if (signal > best) {
                best = signal;
                bestReceiver = r;
            }
            SimDegradations deg = fileDegradations;
            if (deg != null && deg.receiverDropped(r, t)) continue; // a receiver down writes nothing
            if (deg != null
                    && outs[r] != null
                    && deg.hold(r, frame, 0, len, fileEpochNanos + Math.round(t * 1e9), ticks, signal)) {
                // held for latency or reorder: its Beast frame is written when released, the rest now
                if (sbsOuts != null && sbsOuts[r] != null) sbs(sbsOuts[r], f, kind, t, alt);
                if (cat021Outs != null && cat021Outs[r] != null && kind == POSITION)
                    cat021(cat021Outs[r], r, f, t, alt);
                continue;
            }
            frames[r]++;
            if (sbsOuts != null && sbsOuts[r] != null) sbs(sbsOuts[r], f, kind, t, alt);
            if (cat021Outs != null && cat021Outs[r] != null && kind == POSITION) cat021(cat021Outs[r], r, f, t, alt);
            if (outs[r] == null && counters == null) continue;
            int n = BeastEncoder.encode(frame, 0, len, ticks, signal, beast, 0);
            if (outs[r] != null) outs[r].bytes(beast, 0, n);
            if (counters != null) {
                counters[r].bytesRead(n);
                counters[r].frameAccepted(timeNanos);
            }
        }
        if (live != null && best >= 0) {
            liveFrames++;
            liveReceiver = bestReceiver;
            live.onFrame(frame, 0, len, timeNanos, ticks, best);
        }
    }

    private void sbs(ByteOut o, Flight f, int kind, double t, int alt) {
        int icao = f.spec.icao();
        long ms = startEpochMillis + Math.round(t * 1000);
        switch (kind) {
            case POSITION -> SbsWriter.position(o, icao, false, ms, alt, posLat, posLon);
            case VELOCITY ->
                SbsWriter.velocity(
                        o, icao, false, ms, f.groundspeedKt, f.trackDeg, (int) Math.round(f.verticalRateFpm));
            case IDENTIFICATION -> SbsWriter.identification(o, icao, false, ms, f.packedCallsign);
            case STATUS -> SbsWriter.squawk(o, icao, false, ms, f.squawk, emergency(f.squawk) != Emergency.NONE);
            default -> {} // operational status: SBS has no line for it
        }
    }

    private void cat021(ByteOut o, int receiver, Flight f, double t, int alt) {
        double tod = Math.floorMod(startEpochMillis + Math.round(t * 1000), 86_400_000L) / 1000.0;
        cat021.startBlock(block, 0)
                .dataSource(cat021Sac, receiver + 1)
                .time(tod, tod)
                .position(posLat, posLon)
                .address(f.spec.icao())
                .quality(AdsbEncoder.DEFAULT_NIC, 9)
                .mode3A(code(f.squawk))
                .flightLevel(alt / 100.0)
                .verticalRate(f.verticalRateFpm)
                .groundVector(f.groundspeedKt * Units.KT, f.trackDeg)
                .callsign(f.packedCallsign)
                .endRecord();
        o.bytes(block, 0, cat021.endBlock());
    }

    /** A squawk held as four octal digits written in decimal (7700) to its 12-bit code. */
    static int code(int squawk) {
        return (squawk / 1000 % 10) << 9 | (squawk / 100 % 10) << 6 | (squawk / 10 % 10) << 3 | squawk % 10;
    }

    /** Nominal spacing with a uniform +-20 % spread, as transponders randomise to avoid garbling. */
    private double interval(Flight f, int kind) {
        return (0.8 + 0.4 * random.nextDouble())
                * switch (kind) {
                    case POSITION, VELOCITY -> 0.5;
                    case OPERATIONAL -> 2.5;
                    case STATUS -> emergency(f.squawk) != Emergency.NONE ? 0.8 : 5.0;
                    default -> 5.0;
                };
    }

    static Emergency emergency(int squawk) {
        return switch (squawk) {
            case 7500 -> Emergency.UNLAWFUL_INTERFERENCE;
            case 7600 -> Emergency.NO_COMMUNICATIONS;
            case 7700 -> Emergency.GENERAL;
            default -> Emergency.NONE;
        };
    }
}
