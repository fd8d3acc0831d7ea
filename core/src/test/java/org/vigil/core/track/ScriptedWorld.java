package org.vigil.core.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Test helper: scripted truth trajectories in the tracker's plane, rotating radars and ADS-B
 * emitters producing noisy {@link Detection}s with a fixed seed. Radar measurements are generated
 * with the same plane geometry the tracker assumes (scale and convergence), so the tests measure
 * the tracker, not the projection.
 */
final class ScriptedWorld {
    static final long S = 1_000_000_000L;
    static final double NM = 1852;
    static final long T0 = 1_700_000_000L * S;

    /** A truth: position (plane metres) and altitude as functions of seconds since T0. */
    interface Path {
        double x(double t);

        double y(double t);

        default double alt(double t) {
            return 9000;
        }
    }

    static final class Target {
        final String name;
        final Path path;
        double start = 0;
        double end = Double.MAX_VALUE;
        int icao = Detection.ABSENT;
        int mode3A = Detection.ABSENT;
        boolean transponder = true;
        boolean adsb;
        int nacp = 8;
        double adsbOffsetX;
        double adsbOffsetY;

        Target(String name, Path path) {
            this.name = name;
            this.path = path;
        }
    }

    record Radar(SensorConfig config, double phaseRad, boolean modeS) {}

    final TrackerConfig config = new TrackerConfig();
    final AreaProjection projection;
    final List<Radar> radars = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    final Random random;
    double radarMaxRange = 300_000;
    double adsbInterval = 0.5;

    ScriptedWorld(long seed) {
        this.random = new Random(seed);
        this.projection = new AreaProjection(config.originLatDeg, config.originLonDeg);
    }

    /** A radar at plane position (x, y). */
    Radar radar(int id, double x, double y, double period, double rangeSigma, double azSigmaDeg, boolean modeS) {
        projection.inverse(x, y);
        SensorConfig c = SensorConfig.radar(
                id,
                "R" + id,
                projection.latDeg,
                projection.lonDeg,
                100,
                period,
                rangeSigma,
                Math.toRadians(azSigmaDeg));
        Radar r = new Radar(c, random.nextDouble() * 2 * Math.PI, modeS);
        radars.add(r);
        return r;
    }

    Target target(String name, Path p) {
        Target t = new Target(name, p);
        targets.add(t);
        return t;
    }

    static Path straight(double x0, double y0, double courseDeg, double speed) {
        double c = Math.toRadians(courseDeg);
        return new Path() {
            @Override
            public double x(double t) {
                return x0 + Math.sin(c) * speed * t;
            }

            @Override
            public double y(double t) {
                return y0 + Math.cos(c) * speed * t;
            }
        };
    }

    Tracker tracker(TrackListener listener) {
        Tracker tr = new Tracker(config, listener);
        for (Radar r : radars) tr.addSensor(r.config());
        return tr;
    }

    /** All detections in [0, duration) seconds, sorted by time. */
    List<Detection> generate(double duration) {
        List<Detection> out = new ArrayList<>();
        for (int ri = 0; ri < radars.size(); ri++) {
            Radar r = radars.get(ri);
            SensorConfig c = r.config();
            projection.forward(c.latDeg(), c.lonDeg());
            double rx = projection.x;
            double ry = projection.y;
            double conv = projection.convergenceRad(c.latDeg(), c.lonDeg());
            double period = c.scanPeriodSeconds();
            Measurement geometry = new Measurement();
            geometry.rx = rx;
            geometry.ry = ry;
            geometry.invFourR2 = 1 / (4 * projection.sphereRadius() * projection.sphereRadius());
            for (double scan = 0; scan < duration; scan += period) {
                for (Target tg : targets) {
                    // time at which the antenna (azimuth phase + 2π t/T) points at the target
                    double t = scan;
                    for (int it = 0; it < 3; it++) {
                        double az = trueAzimuth(tg, t, rx, ry, conv);
                        double antenna0 = r.phaseRad() + 2 * Math.PI * scan / period;
                        double delta = az - antenna0;
                        delta -= 2 * Math.PI * Math.floor(delta / (2 * Math.PI));
                        t = scan + delta / (2 * Math.PI) * period;
                    }
                    if (t < tg.start || t >= tg.end || t >= duration) continue;
                    double x = tg.path.x(t);
                    double y = tg.path.y(t);
                    double dx = x - rx;
                    double dy = y - ry;
                    double d = Math.hypot(dx, dy);
                    if (d > radarMaxRange) continue;
                    double g = d / geometry.meanScale(x, y);
                    double alt = tg.path.alt(t);
                    double rho = SlantRange.toSlant(g, c.heightMetres(), alt, projection.sphereRadius());
                    Detection det = new Detection();
                    det.kind = SensorKind.RADAR;
                    det.sensorId = c.id();
                    det.timeNanos = T0 + (long) (t * S);
                    det.rangeMetres = rho + random.nextGaussian() * c.rangeSigmaMetres();
                    det.azimuthRad = trueAzimuth(tg, t, rx, ry, conv) + random.nextGaussian() * c.azimuthSigmaRad();
                    if (tg.transponder) {
                        det.plotType = Detection.PLOT_COMBINED;
                        det.altitudeMetres = Math.round(alt / 30.48) * 30.48;
                        det.mode3A = tg.mode3A;
                        if (r.modeS()) det.icao = tg.icao;
                    } else {
                        det.plotType = Detection.PLOT_PRIMARY;
                    }
                    out.add(det);
                }
            }
        }
        for (Target tg : targets) {
            if (!tg.adsb) continue;
            double sigma = NacpAccuracy.sigmaMetres(tg.nacp);
            double phase = random.nextDouble() * adsbInterval;
            for (double t = Math.max(0, tg.start) + phase;
                    t < Math.min(duration, tg.end);
                    t += adsbInterval * (0.8 + 0.4 * random.nextDouble())) {
                double x = tg.path.x(t) + tg.adsbOffsetX + random.nextGaussian() * sigma * 0.8;
                double y = tg.path.y(t) + tg.adsbOffsetY + random.nextGaussian() * sigma * 0.8;
                projection.inverse(x, y);
                Detection det = new Detection();
                det.kind = SensorKind.ADSB;
                det.sensorId = 9000;
                det.timeNanos = T0 + (long) (t * S);
                det.latDeg = projection.latDeg;
                det.lonDeg = projection.lonDeg;
                det.horizontalSigmaMetres = sigma;
                det.icao = tg.icao;
                det.altitudeMetres = Math.round(tg.path.alt(t) / 7.62) * 7.62;
                det.callsign = 0x1234L + tg.icao;
                out.add(det);
            }
        }
        out.sort(Comparator.comparingLong(d -> d.timeNanos));
        return out;
    }

    private double trueAzimuth(Target tg, double t, double rx, double ry, double conv) {
        double az = Math.atan2(tg.path.x(t) - rx, tg.path.y(t) - ry) - conv;
        return az < 0 ? az + 2 * Math.PI : az;
    }

    /** Feeds detections in order, calling {@code probe} every {@code probeEvery} seconds of detection time. */
    static void run(Tracker tracker, List<Detection> detections, double probeEvery, Runnable probe) {
        long nextProbe = T0 + (long) (probeEvery * S);
        for (Detection d : detections) {
            tracker.accept(d);
            if (probe != null && d.timeNanos >= nextProbe) {
                probe.run();
                nextProbe += (long) (probeEvery * S);
            }
        }
        tracker.flush();
        if (probe != null) probe.run();
    }

    /** Distance from target truth to track at the track's own time, metres. */
    static double error(Target tg, SystemTrack track) {
        double t = (track.timeNanos() - T0) / (double) S;
        return Math.hypot(track.x() - tg.path.x(t), track.y() - tg.path.y(t));
    }

    /** The confirmed track nearest to the target (at each track's time), or null beyond maxDistance. */
    static SystemTrack nearest(Tracker tracker, Target tg, double maxDistance) {
        SystemTrack best = null;
        double bestD = maxDistance;
        for (int s = 0; s < tracker.slotCount(); s++) {
            SystemTrack t = tracker.trackAt(s);
            if (t == null || !t.confirmed()) continue;
            double d = error(tg, t);
            if (d < bestD) {
                bestD = d;
                best = t;
            }
        }
        return best;
    }

    /** Confirmed tracks alive now. */
    static int confirmedCount(Tracker tracker) {
        int n = 0;
        for (int s = 0; s < tracker.slotCount(); s++) {
            SystemTrack t = tracker.trackAt(s);
            if (t != null && t.confirmed()) n++;
        }
        return n;
    }
}
