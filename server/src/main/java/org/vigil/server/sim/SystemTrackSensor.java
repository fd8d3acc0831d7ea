package org.vigil.server.sim;

import java.util.List;
import java.util.SplittableRandom;
import org.vigil.codec.asterix.Cat062Writer;
import org.vigil.core.geo.Sphere;
import org.vigil.core.geo.Units;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.ReceiverSpec;
import org.vigil.core.sim.Simulation;

/**
 * Another tracker's output, as an air navigation service provider's SDPS sends it in CAT062: every
 * {@link #UPDATE_SECONDS} s one update per airborne flight its sensors cover, for tests and
 * exercises where Vigil takes system tracks as input.
 *
 * <p>Coverage: a flight within a scenario radar's range and radio horizon that the radar can see
 * (primary, or secondary with the transponder on), or within a receiver's range with ADS-B on.
 * Content: the true position plus Gaussian noise of {@link #SIGMA_METRES} in east and north, the
 * same accuracy stated in I062/500; velocity; the transponder's Mode 3/A, Mode S address, flight
 * level and (with ADS-B) callsign only when the transponder is on, so a primary-only aircraft is a
 * bare position, as from a real SDPS; the SDPS's own track number (flight number + 1); mono-sensor
 * when one radar or ADS-B alone covers it. A spoofing aircraft's system track is where the aircraft
 * is (the SDPS fuses the radars). Deterministic from the scenario's seed.
 */
final class SystemTrackSensor {
    static final double UPDATE_SECONDS = 4;
    static final double SIGMA_METRES = 40;
    /** SAC/SIC of the simulated SDPS (a made-up system; real ones are set by their provider). */
    static final int SAC = 0, SIC = 200;

    static final long SALT = 0x4341_5430_3632_0001L;

    private final List<RadarSpec> radars;
    private final List<ReceiverSpec> receivers;
    private final ByteOut out;
    private final SplittableRandom random;
    private final Cat062Writer writer = new Cat062Writer();
    private final byte[] block = new byte[128];
    private final double[] p = new double[3];
    private final double[] moved = new double[2];
    private double next;
    private long updates;

    SystemTrackSensor(List<RadarSpec> radars, List<ReceiverSpec> receivers, ByteOut out, long seed) {
        this.radars = radars;
        this.receivers = receivers;
        this.out = out;
        this.random = new SplittableRandom(seed ^ SALT);
    }

    long updates() {
        return updates;
    }

    /** Updates due in [sim.time(), sim.time() + step), from the state at sim.time(). */
    void scan(Simulation sim, long startEpochSeconds) {
        double t0 = sim.time(), t1 = t0 + Simulation.STEP_SECONDS;
        while (next < t1) {
            update(sim, t0, next, startEpochSeconds);
            next += UPDATE_SECONDS;
        }
    }

    private void update(Simulation sim, double t0, double t, long startEpochSeconds) {
        double tod = Math.floorMod(startEpochSeconds * 1000 + Math.round(t * 1000), 86_400_000L) / 1000.0;
        List<Flight> flights = sim.flights();
        for (int i = 0, n = flights.size(); i < n; i++) {
            Flight f = flights.get(i);
            if (!f.airborne) continue;
            f.extrapolate(t - t0, p);
            int sensors = coverage(f);
            if (sensors == 0) continue;
            double east = SIGMA_METRES * random.nextGaussian(), north = SIGMA_METRES * random.nextGaussian();
            Sphere.destination(p[0], p[1], Math.toDegrees(Math.atan2(east, north)), Math.hypot(east, north), moved);
            writer.startBlock(block, 0)
                    .dataSource(SAC, SIC, 1)
                    .timeOfTrack(tod)
                    .position(moved[0], moved[1])
                    .velocity(f.velocityEastMps, f.velocityNorthMps)
                    .track(i + 1, sensors == 1, false)
                    .accuracy(SIGMA_METRES, SIGMA_METRES);
            if (f.transponderOn) {
                writer.mode3A(AdsbSensor.code(f.squawk)).address(f.spec.icao()).flightLevel(p[2] / 100.0);
                if (f.adsbOn) writer.callsign(f.packedCallsign);
            }
            writer.endRecord();
            out.bytes(block, 0, writer.endBlock());
            updates++;
        }
    }

    /** How many sensors see the flight (radars by the simulator's radar rule, receivers for ADS-B); at most 2. */
    private int coverage(Flight f) {
        int n = 0;
        for (RadarSpec r : radars) {
            boolean replies = f.transponderOn && r.secondary() != RadarSpec.Secondary.NONE;
            if (!replies && !r.primary()) continue;
            if (within(r.lat(), r.lon(), r.heightM(), r.rangeNm()) && ++n == 2) return n;
        }
        if (f.transponderOn && f.adsbOn) {
            for (ReceiverSpec r : receivers) {
                if (within(r.lat(), r.lon(), r.heightM(), r.rangeNm()) && ++n == 2) return n;
            }
        }
        return n;
    }

    private boolean within(double lat, double lon, double heightM, double rangeNm) {
        double d = Sphere.distanceM(lat, lon, p[0], p[1]) / Units.NM;
        double horizon = 1.23 * (Math.sqrt(Math.max(0, p[2])) + Math.sqrt(Math.max(0, heightM / Units.FT)));
        return d <= rangeNm && d <= horizon;
    }
}
