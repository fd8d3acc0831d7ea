package org.vigil.server.sim;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.codec.asterix.Cat034Writer;
import org.vigil.codec.asterix.Cat048Writer;
import org.vigil.core.geo.Angles;
import org.vigil.core.geo.Units;
import org.vigil.core.geo.Wgs84;
import org.vigil.core.sim.Flight;
import org.vigil.core.sim.RadarSpec;
import org.vigil.core.sim.Simulation;

/**
 * One rotating radar head writing ASTERIX: CAT048 target reports and a CAT034 north marker each
 * time the antenna passes north, as bare data blocks end to end (a "raw" recording).
 *
 * <p>Antenna: the beam points at azimuth φ0 + 360° t / T (φ0 drawn from the seed). A flight is hit
 * when the beam passes its azimuth; the plot carries that time. Geometry is exact on WGS-84: slant
 * range and azimuth are taken in the radar's local east-north-up frame from the ECEF positions of the
 * antenna and the aircraft (pressure altitude used as height, the same assumption the plot
 * projection makes). Coverage: the instrumented range and the radio horizon.
 *
 * <p>Measurement model: with probability Pd a plot is made; slant range gets Gaussian noise of
 * σ_range, azimuth of σ_azimuth (independent). The report type follows the equipment: primary only
 * (TYP 1) for a target whose transponder is off, SSR + PSR (3) or Mode S roll-call + PSR (7) when
 * it replies, SSR (2) or Mode S roll-call (5) for a radar without a primary part. Only replying
 * targets get Mode A (070), flight level (090) and, from Mode S radars, address (220) and callsign
 * (240). Clutter: a Poisson number of false primary plots per scan, uniform in azimuth and range.
 */
final class RadarSensor {
    static final long SALT = 0x5241_4441_5200_0000L;
    // WGS-84; E2 is the rounded published value, kept as is so the simulated plots stay byte-identical
    private static final double A = Wgs84.A, E2 = 6.69437999014e-3;

    /** Receives each ASTERIX data block as it is made (the live run decodes them); valid during the call. */
    interface BlockSink {
        void block(byte[] buf, int off, int len, double scenarioSeconds);
    }

    final RadarSpec spec;
    /** The recording; null when the sensor only feeds a live consumer. */
    private final ByteOut out;

    private BlockSink live;
    private long bytes;
    private final SplittableRandom random;
    private final double phase0;
    private final double x0, y0, z0, sinLat, cosLat, sinLon, cosLon;
    private final Cat048Writer cat048 = new Cat048Writer();
    private final Cat034Writer cat034 = new Cat034Writer();
    private final byte[] block = new byte[2048];
    private final double[] p = new double[3];
    private final double[] polar = new double[2];
    // hits of the current step: key = time in microseconds << 32 | index (flight, or clutter / marker codes)
    private long[] hits = new long[1024];
    private double[] hitRho = new double[1024], hitTheta = new double[1024];
    private long plots, clutter, markers;
    /** Scenario time of each flight's last plot (index = flight index), for one plot per revolution. */
    private double[] lastHit = new double[0];

    private long duplicatesDropped;

    RadarSensor(RadarSpec spec, ByteOut out, long seed, int index) {
        this.spec = spec;
        this.out = out;
        this.random = new SplittableRandom(seed ^ SALT ^ ((long) index * 0x9E37_79B9_7F4A_7C15L));
        this.phase0 = random.nextDouble() * 360;
        double lat = Math.toRadians(spec.lat()), lon = Math.toRadians(spec.lon());
        sinLat = Math.sin(lat);
        cosLat = Math.cos(lat);
        sinLon = Math.sin(lon);
        cosLon = Math.cos(lon);
        double n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
        x0 = (n + spec.heightM()) * cosLat * cosLon;
        y0 = (n + spec.heightM()) * cosLat * sinLon;
        z0 = (n * (1 - E2) + spec.heightM()) * sinLat;
    }

    /** Also hands every data block to {@code sink} (null: stop). */
    void live(BlockSink sink) {
        this.live = sink;
    }

    /** ASTERIX octets produced so far (written or handed on). */
    long bytes() {
        return bytes;
    }

    long plots() {
        return plots;
    }

    long clutterPlots() {
        return clutter;
    }

    long northMarkers() {
        return markers;
    }
    /** Second hits of one aircraft within a revolution (at step boundaries) that were not written. */
    long duplicatesDropped() {
        return duplicatesDropped;
    }

    /** Slant range (m) and azimuth (deg) from the antenna to a WGS-84 point: out[0], out[1]. */
    void measure(double latDeg, double lonDeg, double heightM, double[] out) {
        double lat = Math.toRadians(latDeg), lon = Math.toRadians(lonDeg);
        double sl = Math.sin(lat), cl = Math.cos(lat);
        double n = A / Math.sqrt(1 - E2 * sl * sl);
        double dx = (n + heightM) * cl * Math.cos(lon) - x0;
        double dy = (n + heightM) * cl * Math.sin(lon) - y0;
        double dz = (n * (1 - E2) + heightM) * sl - z0;
        double e = -sinLon * dx + cosLon * dy;
        double nn = -sinLat * cosLon * dx - sinLat * sinLon * dy + cosLat * dz;
        double u = cosLat * cosLon * dx + cosLat * sinLon * dy + sinLat * dz;
        out[0] = Math.sqrt(e * e + nn * nn + u * u);
        out[1] = Angles.norm360(Math.toDegrees(Math.atan2(e, nn)));
    }

    /** Plots and north markers of [sim.time(), sim.time() + step), from the state at sim.time(). */
    void scan(Simulation sim, long startEpochSeconds) {
        double t0 = sim.time(), dt = Simulation.STEP_SECONDS, period = spec.rotationSeconds();
        double a0 = phase0 + 360 * t0 / period, a1 = a0 + 360 * dt / period;
        int count = 0;
        List<Flight> flights = sim.flights();
        double rangeM = spec.rangeNm() * Units.NM;
        for (int i = 0, n = flights.size(); i < n; i++) {
            Flight f = flights.get(i);
            if (!f.airborne) continue;
            boolean replies = f.transponderOn && spec.secondary() != RadarSpec.Secondary.NONE;
            if (!replies && !spec.primary()) continue;
            // cheap reject before the geometry
            if (Math.abs(f.lat - spec.lat()) * 60 > spec.rangeNm() + 10) continue;
            measure(f.lat, f.lon, f.altitudeFt * Units.FT, polar);
            if (polar[0] > rangeM + 20 * Units.NM) continue;
            double az = polar[1];
            double k = Math.ceil((a0 - az) / 360);
            double hitAngle = az + 360 * k;
            if (hitAngle >= a1) continue;
            double th = t0 + (hitAngle - a0) / 360 * period;
            f.extrapolate(th - t0, p);
            double horizon = 1.23
                    * (Math.sqrt(Math.max(0, p[2])) + Math.sqrt(Math.max(0, spec.heightM() / Units.FT)))
                    * Units.NM;
            measure(p[0], p[1], p[2] * Units.FT, polar);
            if (polar[0] > rangeM || polar[0] > horizon) continue;
            if (random.nextDouble() >= spec.pd()) continue;
            double rho = polar[0] + spec.rangeSigmaM() * random.nextGaussian();
            double theta = polar[1] + spec.azimuthSigmaDeg() * random.nextGaussian();
            // The hit test uses the azimuth at the step's start; an aircraft moving with the beam can be
            // hit at the end of one step and again at the start of the next, at the same azimuth. A
            // radar sees an aircraft once per revolution: drop the second (after the draws, so the
            // random stream, and every other plot, stay as they were).
            if (i < lastHit.length && th - lastHit[i] < period / 2) {
                duplicatesDropped++;
                continue;
            }
            if (i >= lastHit.length) {
                int m = Math.max(i + 1, lastHit.length * 2);
                int old = lastHit.length;
                lastHit = Arrays.copyOf(lastHit, m);
                Arrays.fill(lastHit, old, m, Double.NEGATIVE_INFINITY);
            }
            lastHit[i] = th;
            count = add(count, th - t0, i, rho, theta);
        }
        // clutter: Poisson count for the swept sector (Knuth's method; the mean per step is small)
        double lambda = spec.clutterPerScan() * dt / period;
        if (spec.primary() && lambda > 0) {
            double limit = Math.exp(-lambda), prod = random.nextDouble();
            while (prod > limit) {
                double frac = random.nextDouble();
                double rho = (5 + random.nextDouble() * (spec.rangeNm() - 5)) * Units.NM;
                count = add(count, frac * dt, CLUTTER, rho, Angles.norm360(a0 + frac * (a1 - a0)));
                prod *= random.nextDouble();
            }
        }
        double north = Math.ceil(a0 / 360) * 360;
        if (north < a1) count = add(count, (north - a0) / 360 * period, MARKER, 0, 0);
        if (count == 0) return;
        // stable time order: the index breaks ties
        sortByTime(count);
        write(sim, count, t0, startEpochSeconds);
    }

    private static final int CLUTTER = -1, MARKER = -2;
    private double[] hitTime = new double[1024];
    private int[] hitIndex = new int[1024];
    private int[] sorted = new int[1024];

    private int add(int count, double offset, int index, double rho, double theta) {
        if (count == hitTime.length) {
            int m = count * 2;
            hitTime = Arrays.copyOf(hitTime, m);
            hitIndex = Arrays.copyOf(hitIndex, m);
            hitRho = Arrays.copyOf(hitRho, m);
            hitTheta = Arrays.copyOf(hitTheta, m);
            hits = Arrays.copyOf(hits, m);
            sorted = Arrays.copyOf(sorted, m);
        }
        hitTime[count] = offset;
        hitIndex[count] = index;
        hitRho[count] = rho;
        hitTheta[count] = theta;
        return count + 1;
    }

    private void sortByTime(int count) {
        for (int j = 0; j < count; j++) hits[j] = (long) (hitTime[j] * 1e6) << 24 | j;
        Arrays.sort(hits, 0, count);
        for (int j = 0; j < count; j++) sorted[j] = (int) (hits[j] & 0xFFFFFF);
    }

    private void write(Simulation sim, int count, double t0, long epoch) {
        List<Flight> flights = sim.flights();
        boolean open = false;
        for (int s = 0; s < count; s++) {
            int j = sorted[s];
            double tod = ((epoch % 86400) + t0 + hitTime[j]) % 86400;
            int idx = hitIndex[j];
            if (idx == MARKER) {
                if (open) open = closeBlock(t0 + hitTime[j]);
                int n = cat034.northMarker(block, 0, spec.sac(), spec.sic(), tod, spec.rotationSeconds());
                emit(n, t0 + hitTime[j]);
                markers++;
                continue;
            }
            if (!open) {
                cat048.startBlock(block, 0);
                open = true;
            }
            cat048.clear().dataSource(spec.sac(), spec.sic()).timeOfDay(tod);
            if (idx == CLUTTER) {
                cat048.descriptor(1, 0, 0, 0, 0).polar(hitRho[j], hitTheta[j]);
                clutter++;
            } else {
                Flight f = flights.get(idx);
                boolean replies = f.transponderOn && spec.secondary() != RadarSpec.Secondary.NONE;
                boolean modeS = replies && spec.secondary() == RadarSpec.Secondary.MODE_S;
                int typ = !replies ? 1 : spec.primary() ? (modeS ? 7 : 3) : (modeS ? 5 : 2);
                cat048.descriptor(typ, 0, 0, 0, 0).polar(hitRho[j], hitTheta[j]);
                if (replies) {
                    cat048.mode3A(octal(f.squawk), 0, 0, 0);
                    double altitude = f.altitudeFt + f.verticalRateFpm * hitTime[j] / 60.0;
                    cat048.flightLevel(Math.round(altitude / 25.0) / 4.0, 0, 0);
                    if (modeS) {
                        cat048.address(f.spec.icao());
                        if (f.packedCallsign != 0) cat048.callsign(f.packedCallsign);
                    }
                }
                plots++;
            }
            cat048.endRecord();
            if (cat048.blockLength() > 1400) open = closeBlock(t0 + hitTime[j]);
        }
        if (open) closeBlock(t0 + hitTime[sorted[count - 1]]);
    }

    /** Writes the open CAT048 block (its last plot at {@code t}); returns false (no block open). */
    private boolean closeBlock(double t) {
        int len = cat048.endBlock();
        if (len > 0) emit(len, t);
        return false;
    }

    /** The file output's degradations ({@link #degrade}); null: none. */
    private SimDegradations fileDegradations;

    private int fileIndex;

    /** Blocks of radar {@code index} written to the file are dropped while the scenario says it is down. */
    void degrade(SimDegradations d, int index) {
        this.fileDegradations = d;
        this.fileIndex = index;
    }

    private void emit(int len, double t) {
        bytes += len;
        if (out != null && (fileDegradations == null || !fileDegradations.radarDropped(fileIndex, t)))
            out.bytes(block, 0, len);
        if (live != null) live.block(block, 0, len, t);
    }

    /** Squawk held as four decimal digits (e.g. 7600) to the 12-bit Mode A code. */
    static int octal(int squawk) {
        return (squawk / 1000 % 10) << 9 | (squawk / 100 % 10) << 6 | (squawk / 10 % 10) << 3 | (squawk % 10);
    }
}
