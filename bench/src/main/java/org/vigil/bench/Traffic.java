package org.vigil.bench;

import java.util.SplittableRandom;
import org.vigil.codec.modes.AdsbEncoder;
import org.vigil.codec.modes.ModeSMessage;

/**
 * A synthetic fleet flying straight lines, and the frames each aircraft sends: the benchmark input
 * for {@link ModeSDecodeBenchmark} and {@link ModeSReplayBench}. Primitive arrays indexed by
 * aircraft, so that writing millions of frames stays cheap. Deterministic for a given seed.
 */
final class Traffic {
    /** What one frame carries; the ordinal is stable (used in the message schedules). */
    enum Kind {
        AIRBORNE_POSITION,
        SURFACE_POSITION,
        VELOCITY,
        AIRSPEED,
        IDENTIFICATION,
        AIRCRAFT_STATUS,
        OPERATIONAL_STATUS,
        ALL_CALL,
        ALTITUDE_REPLY,
        IDENTITY_REPLY,
        COMM_B_ALTITUDE,
        COMM_B_IDENTITY,
        SHORT_ACAS
    }

    final int size;
    final int[] icao;
    final double[] lat0, lon0, trackDeg, gsKt, tasKt;
    final int[] altitudeFt, verticalRateFpm, squawk, selectedAltFt;
    final long[] callsign;
    private final SplittableRandom rnd;

    /**
     * @param centreLat/centreLon centre of the area
     * @param radiusDeg           aircraft start within this many degrees of latitude/longitude of the centre
     */
    Traffic(int size, long seed, double centreLat, double centreLon, double radiusDeg) {
        this.size = size;
        rnd = new SplittableRandom(seed);
        icao = new int[size];
        lat0 = new double[size];
        lon0 = new double[size];
        trackDeg = new double[size];
        gsKt = new double[size];
        tasKt = new double[size];
        altitudeFt = new int[size];
        verticalRateFpm = new int[size];
        squawk = new int[size];
        selectedAltFt = new int[size];
        callsign = new long[size];
        java.util.HashSet<Integer> used = new java.util.HashSet<>();
        for (int i = 0; i < size; i++) {
            int a;
            do {
                a = 0x300000 + rnd.nextInt(0x500000);
            } while (!used.add(a)); // European ICAO blocks
            icao[i] = a;
            lat0[i] = centreLat + radiusDeg * (2 * rnd.nextDouble() - 1);
            lon0[i] = centreLon + radiusDeg * (2 * rnd.nextDouble() - 1);
            trackDeg[i] = 360 * rnd.nextDouble();
            boolean cruise = rnd.nextInt(3) != 0;
            altitudeFt[i] = cruise ? 28_000 + 1000 * rnd.nextInt(14) : 2_000 + 25 * rnd.nextInt(1000);
            verticalRateFpm[i] = cruise ? 0 : (rnd.nextBoolean() ? 1 : -1) * 64 * (5 + rnd.nextInt(30));
            tasKt[i] = cruise ? 420 + 60 * rnd.nextDouble() : 220 + 120 * rnd.nextDouble();
            gsKt[i] = tasKt[i] + 80 * (2 * rnd.nextDouble() - 1); // wind
            squawk[i] = rnd.nextInt(8) * 1000 + rnd.nextInt(8) * 100 + rnd.nextInt(8) * 10 + rnd.nextInt(8);
            selectedAltFt[i] = 1000 * (altitudeFt[i] / 1000);
            callsign[i] = Frames.callsign(rnd);
        }
    }

    /** Latitude of aircraft i at time t seconds (flat-earth straight line: fine for a minute). */
    double latAt(int i, double t) {
        double lat = lat0[i] + gsKt[i] * t / 3600.0 / 60.0 * Math.cos(Math.toRadians(trackDeg[i]));
        return Math.max(-89.9, Math.min(89.9, lat));
    }

    double lonAt(int i, double t) {
        double cos = Math.max(0.01, Math.cos(Math.toRadians(lat0[i])));
        double lon = lon0[i] + gsKt[i] * t / 3600.0 / 60.0 * Math.sin(Math.toRadians(trackDeg[i])) / cos;
        return ((lon + 180) % 360 + 360) % 360 - 180;
    }

    int altitudeAt(int i, double t) {
        return altitudeFt[i] + (int) (verticalRateFpm[i] * t / 60.0);
    }

    /**
     * Writes the frame of the given kind for aircraft i at time t seconds.
     *
     * @param odd CPR format for position messages
     * @return bytes written (7 or 14)
     */
    int write(Kind kind, int i, double t, boolean odd, byte[] out, int off) {
        int a = icao[i];
        int alt = altitudeAt(i, t);
        switch (kind) {
            case AIRBORNE_POSITION:
                return AdsbEncoder.airbornePosition(
                        out, off, a, latAt(i, t), lonAt(i, t), alt, odd, AdsbEncoder.DEFAULT_NIC, 0);
            case SURFACE_POSITION:
                return AdsbEncoder.surfacePosition(out, off, a, latAt(i, t), lonAt(i, t), 12, trackDeg[i], odd, 10);
            case VELOCITY:
                return AdsbEncoder.groundVelocity(
                        out,
                        off,
                        a,
                        gsKt[i],
                        trackDeg[i],
                        verticalRateFpm[i],
                        AdsbEncoder.VR_SOURCE_BARO,
                        100 + (i & 7) * 25,
                        2);
            case AIRSPEED:
                return AdsbEncoder.airVelocity(
                        out,
                        off,
                        a,
                        tasKt[i],
                        true,
                        trackDeg[i],
                        verticalRateFpm[i],
                        AdsbEncoder.VR_SOURCE_BARO,
                        ModeSMessage.ABSENT,
                        2);
            case IDENTIFICATION:
                return AdsbEncoder.identification(out, off, a, 4, 3, callsign[i]);
            case AIRCRAFT_STATUS:
                return AdsbEncoder.aircraftStatus(out, off, a, org.vigil.core.aircraft.Emergency.NONE, squawk[i]);
            case OPERATIONAL_STATUS:
                return AdsbEncoder.operationalStatus(out, off, a, 0, 9, 3, 2, 1);
            case ALL_CALL:
                return AdsbEncoder.allCallReply(out, off, a, AdsbEncoder.CA_AIRBORNE, (i & 3) == 0 ? 0 : 16 + (i % 7));
            case ALTITUDE_REPLY:
                return AdsbEncoder.altitudeReply(out, off, a, 0, 0, 0, alt);
            case IDENTITY_REPLY:
                return AdsbEncoder.identityReply(out, off, a, 0, 0, 0, squawk[i]);
            case COMM_B_ALTITUDE:
                return Frames.commB(out, off, 20, a, 0, AdsbEncoder.altitudeCode13(alt), commBRegister(i, t, alt));
            case COMM_B_IDENTITY:
                return Frames.commB(
                        out, off, 21, a, 0, AdsbEncoder.identityCode13(squawk[i]), commBRegister(i, t, alt));
            case SHORT_ACAS:
                return Frames.df0(out, off, a, false, alt);
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    /**
     * The register a ground station would have asked for: mostly the EHS registers 4,0 5,0 6,0
     * (radars rotate through them), some identification 2,0 and capability 1,0 / 1,7.
     */
    private long commBRegister(int i, double t, int alt) {
        int k = (int) ((t * 7 + i) % 10);
        switch (k) {
            case 0:
                return Frames.bds20(callsign[i]);
            case 1:
                return (i & 1) == 0 ? Frames.bds10() : Frames.bds17();
            case 2:
            case 3:
                return Frames.bds40(selectedAltFt[i], 1013.2);
            case 4:
            case 5:
            case 6:
                return Frames.bds50(0, trackDeg[i], gsKt[i], tasKt[i]);
            default:
                return Frames.bds60(trackDeg[i] - 3, tasKt[i], alt, verticalRateFpm[i]);
        }
    }
}
