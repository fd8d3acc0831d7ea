/*
 * ExchangeTracker: runs Vigil's tracker (org.vigil.core.track.Tracker, IMM CV/CT or the CV baseline)
 * on the Stone Soup exchange format (plots.csv of gnn_baseline.py) and writes tracks.csv in the same
 * plane, so that gnn_baseline.py / ss_run.py --external scores it with the identical metric set-up.
 *
 * Build and run (against the Vigil fat jar, which holds vigil-core):
 *   javac -cp vigil.jar -d OUT ExchangeTracker.java
 *   java -cp vigil.jar:OUT ExchangeTracker SCENARIO_DIR imm|cv EVAL_STEP_S ROUNDS [SCAN_PERIOD_S [COVER_M]]
 * Reads SCENARIO_DIR/plots.csv, writes SCENARIO_DIR/vigil_<motion>_tracks.csv (t,track_id,x,vx,y,vy)
 * and prints thread-CPU time per detection for each of ROUNDS fresh trackers (min and median).
 *
 * Mapping (documented so the comparison is auditable):
 *  - the exchange plane is taken as azimuthal-equidistant around the radar: a plot (range, bearing)
 *    is a ground range and a maths bearing (atan2(dy,dx)); truth x,y are east/north metres.
 *  - Vigil models a radar on its own conformal sphere (radius R) in a stereographic plane. The radar
 *    is put at the projection origin, height 0, with "assumed target height" 0, and each plot's range
 *    is handed over as SlantRange.toSlant(range, 0, 0, R), so that Vigil's slant-to-ground step gives
 *    back exactly the exchange range. Azimuth = pi/2 - bearing (clockwise from north).
 *  - COVER_M: the radar's instrumented range, told to the tracker (Tracker.setRadarCover) as a live
 *    configuration would; absent or 0: unknown (no deletion out of cover).
 *  - Plots carry no identity and no Mode C (PLOT_PRIMARY): pure kinematic tracking, as in Stone Soup.
 *  - Output: at every multiple of EVAL_STEP_S, after all plots up to that time are processed
 *    (Tracker.flush()), every CONFIRMED track, extrapolated to that time (SystemTrack.xAt/yAt),
 *    mapped back from the stereographic plane to the azimuthal-equidistant one (g = 2R atan(d/2R)).
 * Timing: thread CPU of the accept()/flush() loop only (CSV parsing and output writing excluded).
 */
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.track.Detection;
import org.vigil.core.track.SensorConfig;
import org.vigil.core.track.SensorKind;
import org.vigil.core.track.SlantRange;
import org.vigil.core.track.SystemTrack;
import org.vigil.core.track.TrackStatus;
import org.vigil.core.track.Tracker;
import org.vigil.core.track.TrackerConfig;

public class ExchangeTracker {
    static final long T0 = 1_704_067_200_000_000_000L; // 2024-01-01T00:00Z, nanoseconds (any base works)
    static final double LAT0 = 43.32, LON0 = 27.88;     // where the radar is put (any mid-latitude works)

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String motion = args[1];
        double evalStep = Double.parseDouble(args[2]);
        int rounds = Integer.parseInt(args[3]);
        double scanPeriod = args.length > 4 ? Double.parseDouble(args[4]) : 5.0;
        // the radar's instrumented range (metres), for the tracker's deletion out of cover; absent: unknown
        double cover = args.length > 5 ? Double.parseDouble(args[5]) : Double.NaN;

        List<String> lines = Files.readAllLines(dir.resolve("plots.csv"));
        int n = lines.size() - 1;
        double[] t = new double[n], rng = new double[n], brg = new double[n], sr = new double[n], sb = new double[n];
        int[] sensor = new int[n];
        Map<String, Integer> sensors = new LinkedHashMap<>();
        List<double[]> sensorPos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            t[i] = Double.parseDouble(f[0]);
            String key = f[1];
            Integer s = sensors.get(key);
            if (s == null) {
                s = sensors.size();
                sensors.put(key, s);
                sensorPos.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[6]), Double.parseDouble(f[7])});
            }
            sensor[i] = s;
            rng[i] = Double.parseDouble(f[4]);
            brg[i] = Double.parseDouble(f[5]);
            sr[i] = Double.parseDouble(f[6]);
            sb[i] = Double.parseDouble(f[7]);
        }
        // stable sort by time
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[rounds];
        double[] out = null;
        int outN = 0;
        int confirmedEver = 0;
        for (int round = 0; round < rounds; round++) {
            TrackerConfig c = new TrackerConfig();
            c.originLatDeg = LAT0;
            c.originLonDeg = LON0;
            c.motion = org.vigil.core.track.Motion.valueOf(motion.toUpperCase(java.util.Locale.ROOT));
            Tracker tracker = new Tracker(c, null);
            double R = tracker.projection().sphereRadius();
            for (int s = 0; s < sensorPos.size(); s++) {
                double[] p = sensorPos.get(s);
                // exchange (AEQD) sensor position -> stereographic plane -> lat/lon
                double d = Math.hypot(p[0], p[1]);
                double k = d > 0 ? 2 * R * Math.tan(d / (2 * R)) / d : 1;
                tracker.projection().inverse(p[0] * k, p[1] * k);
                tracker.addSensor(new SensorConfig(0x0100 + s, SensorKind.RADAR, "R" + s, tracker.projection().latDeg,
                        tracker.projection().lonDeg, 0, scanPeriod, p[2], p[3], 0, 0, 0, 0));
                if (cover > 0) tracker.setRadarCover(0x0100 + s, cover);
            }
            double[] buf = new double[1 << 16];
            int bn = 0;
            Detection d = new Detection();
            double firstEval = Math.ceil(t[order[0]] / evalStep) * evalStep;
            double nextEval = firstEval;
            long c0 = mx.getCurrentThreadCpuTime();
            for (int j = 0; j <= n; j++) {
                double tj = j < n ? t[order[j]] : Double.POSITIVE_INFINITY;
                while (tj > nextEval + 1e-9 && (j < n || nextEval <= t[order[n - 1]] + 1e-9)) {
                    tracker.flush();
                    long te = T0 + Math.round(nextEval * 1e9);
                    for (int slot = 0, m = tracker.slotCount(); slot < m; slot++) {
                        SystemTrack tr = tracker.trackAt(slot);
                        if (tr == null || tr.status() != TrackStatus.CONFIRMED) continue;
                        double x = tr.xAt(te), y = tr.yAt(te);
                        double dd = Math.hypot(x, y);
                        double k = dd > 0 ? 2 * R * Math.atan(dd / (2 * R)) / dd : 1;
                        if (bn + 6 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                        buf[bn++] = nextEval;
                        buf[bn++] = tr.trackNumber();
                        buf[bn++] = x * k;
                        buf[bn++] = tr.velocityEast() * k;
                        buf[bn++] = y * k;
                        buf[bn++] = tr.velocityNorth() * k;
                    }
                    nextEval += evalStep;
                }
                if (j == n) break;
                int i = order[j];
                d.reset();
                d.timeNanos = T0 + Math.round(t[i] * 1e9);
                d.sensorId = 0x0100 + sensor[i];
                d.kind = SensorKind.RADAR;
                d.rangeMetres = SlantRange.toSlant(rng[i], 0, 0, R);
                double az = Math.PI / 2 - brg[i];
                az = az % (2 * Math.PI);
                if (az < 0) az += 2 * Math.PI;
                d.azimuthRad = az;
                d.rangeSigmaMetres = sr[i];
                d.azimuthSigmaRad = sb[i];
                d.plotType = Detection.PLOT_PRIMARY;
                tracker.accept(d);
            }
            tracker.flush();
            cpu[round] = mx.getCurrentThreadCpuTime() - c0;
            out = buf;
            outN = bn;
            System.out.printf("round %d: %d plots, %.0f ns CPU per detection (%.3f s), processed %d, live tracks %d%n",
                    round, n, cpu[round] / (double) n, cpu[round] / 1e9, tracker.processed(), tracker.liveTracks());
        }
        long[] sorted = cpu.clone();
        Arrays.sort(sorted);
        System.out.printf("motion %s: %d plots; CPU per detection: first %.0f ns, min %.0f ns, median %.0f ns%n",
                motion, n, cpu[0] / (double) n, sorted[0] / (double) n, sorted[rounds / 2] / (double) n);
        Path outFile = dir.resolve("vigil_" + motion + "_tracks.csv");
        try (BufferedWriter w = Files.newBufferedWriter(outFile)) {
            w.write("t,track_id,x,vx,y,vy\n");
            for (int i = 0; i < outN; i += 6) {
                w.write(out[i] + ",V" + (long) out[i + 1] + "," + out[i + 2] + "," + out[i + 3] + "," + out[i + 4] + "," + out[i + 5] + "\n");
            }
        }
        System.out.println("wrote " + outFile + " (" + outN / 6 + " track states)");
    }
}
