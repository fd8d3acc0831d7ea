package org.vigil.server.output.cot;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.net.MulticastSender;
import org.vigil.server.output.net.StreamServer;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.tracking.SystemTrackView;
import org.vigil.server.web.AircraftView;

/**
 * Vigil's system tracks and open alerts as Cursor-on-Target (docs/INTEROP.md): every period, each
 * track that passes the filters (area, identities) becomes one event, sent to the TCP and TLS stream
 * listeners (TAK's streaming convention), to a TAK server Vigil connects to ({@link TakClient}) and/or as
 * UDP datagrams (TAK's SA mesh, 239.2.3.1:6969), in XML or TAK protocol version 1. The rate filter is the
 * period: each track at most once per period. Reads the picture's snapshot on its own thread; encoding allocates nothing
 * per event.
 *
 * <p>Height: ADS-B's GNSS height (a height above the ellipsoid) when the track's aircraft reports one,
 * with a 90 % error of {@link #GNSS_LE_M}; else the barometric altitude as metres, with
 * {@link #BARO_LE_M} for the difference between pressure altitude and height; else unknown.
 */
public final class CotOutput implements LiveServer.Input {
    public static final double GNSS_LE_M = 15;
    public static final double BARO_LE_M = 300;

    private static final Logger LOG = LoggerFactory.getLogger(CotOutput.class);

    /** What and where: the filters and the transports (null or empty: not used). */
    public record Settings(
            boolean proto,
            double periodS,
            Area area,
            Set<String> identities,
            boolean alerts,
            StreamServer tcp,
            StreamServer tls,
            MulticastSender udp,
            TakClient takServer) {
        /** Without a TAK server connection. */
        public Settings(
                boolean proto,
                double periodS,
                Area area,
                Set<String> identities,
                boolean alerts,
                StreamServer tcp,
                StreamServer tls,
                MulticastSender udp) {
            this(proto, periodS, area, identities, alerts, tcp, tls, udp, null);
        }
    }

    /** A box of latitudes and longitudes, degrees. */
    public record Area(double south, double west, double north, double east) {
        boolean contains(double lat, double lon) {
            return lat >= south && lat <= north && lon >= west && lon <= east;
        }
    }

    private final LiveServer server;
    private final Settings s;
    private final CotEncoder encoder = new CotEncoder();
    private final byte[] buf = new byte[CotEncoder.MAX_EVENT];
    private final LongAdder events = new LongAdder();
    private final LongAdder filtered = new LongAdder();
    private ScheduledExecutorService timer;

    public CotOutput(LiveServer server, Settings settings) {
        this.server = server;
        this.s = settings;
    }

    /** Events encoded and sent (tracks and alerts). */
    public long events() {
        return events.sum();
    }

    /** Tracks left out by the area or identity filter. */
    public long filtered() {
        return filtered.sum();
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-out-cot");
            t.setDaemon(true);
            return t;
        });
        if (s.takServer() != null) s.takServer().start();
        long periodMs = Math.max(100, Math.round(s.periodS() * 1000));
        var unused = // tick() catches its own failures, so the schedule goes on
                timer.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /** One period: every track that passes the filters, then the open alerts. */
    void tick() {
        try {
            if (!listening()) return;
            PictureSnapshot snap = server.picture().snapshot();
            Map<String, AircraftView> byIcao = new HashMap<>();
            for (AircraftView a : snap.aircraft()) byIcao.put(a.icao(), a);
            Map<Integer, SystemTrackView> byNumber = new HashMap<>();
            for (SystemTrackView t : snap.tracks()) {
                byNumber.put(t.trackNumber(), t);
                if (!passes(t)) {
                    filtered.increment();
                    continue;
                }
                AircraftView a = t.icao() == null ? null : byIcao.get(t.icao());
                double[] h = height(t, a);
                send(t, h, false, 0, null, null);
            }
            if (s.alerts()) {
                for (Map<String, Object> alert : server.alerts().openAlerts()) {
                    SystemTrackView t = byNumber.get(((Number) alert.get("track")).intValue());
                    if (t == null || !passes(t)) continue;
                    AircraftView a = t.icao() == null ? null : byIcao.get(t.icao());
                    Object detail = alert.get("detail");
                    send(
                            t,
                            height(t, a),
                            true,
                            ((Number) alert.get("id")).longValue(),
                            String.valueOf(alert.get("title")),
                            (detail == null ? "" : detail + "; ") + "rule " + alert.get("rule") + ", priority "
                                    + alert.get("priority"));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("CoT output: {}", e.toString());
        }
    }

    private boolean listening() {
        return s.udp() != null
                || (s.tcp() != null && s.tcp().clients() > 0)
                || (s.tls() != null && s.tls().clients() > 0)
                || (s.takServer() != null && s.takServer().connected());
    }

    /** The area (south, west, north, east; null: anywhere) and identity (empty: all) filters. */
    boolean passes(SystemTrackView t) {
        if (s.area() != null && !s.area().contains(t.lat(), t.lon())) return false;
        return s.identities() == null
                || s.identities().isEmpty()
                || s.identities().contains(t.identity() == null ? "none" : t.identity());
    }

    /** {hae, le} in metres: GNSS height, else barometric altitude, else unknown (NaN). */
    static double[] height(SystemTrackView t, AircraftView a) {
        if (a != null && a.gnssAltitudeFt() != null)
            return new double[] {a.gnssAltitudeFt() * org.vigil.core.geo.Units.FT, GNSS_LE_M};
        if (t.altitudeFt() != null) return new double[] {t.altitudeFt() * org.vigil.core.geo.Units.FT, BARO_LE_M};
        return new double[] {Double.NaN, 0};
    }

    private void send(SystemTrackView t, double[] h, boolean alert, long id, String title, String text) {
        if (s.tcp() != null || s.tls() != null || s.takServer() != null) {
            int n = encode(t, h, true, alert, id, title, text);
            if (s.tcp() != null) s.tcp().send(buf, 0, n);
            if (s.tls() != null) s.tls().send(buf, 0, n);
            if (s.takServer() != null) s.takServer().stream().send(buf, 0, n);
        }
        if (s.udp() != null) {
            int n = s.proto()
                    ? encode(t, h, false, alert, id, title, text)
                    : encode(t, h, true, alert, id, title, text);
            s.udp().send(buf, 0, n);
        }
        events.increment();
    }

    private int encode(
            SystemTrackView t, double[] h, boolean stream, boolean alert, long id, String title, String text) {
        if (s.proto()) {
            return alert
                    ? encoder.alertProto(id, title, text, t, h[0], h[1], stream, buf, 0)
                    : encoder.proto(t, h[0], h[1], stream, buf, 0);
        }
        return alert ? encoder.alertXml(id, title, text, t, h[0], h[1], buf, 0) : encoder.xml(t, h[0], h[1], buf, 0);
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
        if (s.tcp() != null) s.tcp().close();
        if (s.tls() != null) s.tls().close();
        if (s.udp() != null) s.udp().close();
        if (s.takServer() != null) s.takServer().close();
    }
}
