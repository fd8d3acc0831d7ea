package org.vigil.server.output.asterix;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.codec.asterix.Cat062Writer;
import org.vigil.codec.asterix.Cat063Writer;
import org.vigil.codec.asterix.Cat065Writer;
import org.vigil.core.Callsigns;
import org.vigil.core.track.AreaProjection;
import org.vigil.server.feed.SensorHealth;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.net.MulticastSender;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.tracking.SystemTrackView;

/**
 * Vigil's system tracks as ASTERIX CAT062 over UDP (docs/INTEROP.md "ASTERIX CAT062"), as an ANSP
 * tracker publishes them: every period, every track of the picture's snapshot, packed into data blocks
 * of at most {@link #MAX_DATAGRAM} octets, one block per datagram. Cartesian positions are in a
 * stereographic plane around the configured origin (core's {@link AreaProjection}, the tracker's own).
 *
 * <p>After each period's tracks, one datagram of service messages: a CAT063 sensor status report per
 * sensor of the picture's health model (I063/050: the sensor's own SAC/SIC when configured
 * ({@code --asterix-sensor NAME=SAC/SIC}), else the output's SAC and a SIC numbered from 1 in the
 * order such sensors first appear, logged; CON operational/degraded/not connected from up/degraded/lost,
 * and the NOGO bits of the sensor's technology when lost) and a CAT065 block: the SDPS status
 * (operational) and the end of the batch (one batch per period, number 0).
 */
public final class AsterixOutput implements LiveServer.Input {
    /** Largest datagram: fits an Ethernet MTU with IP and UDP headers. */
    public static final int MAX_DATAGRAM = 1400;

    private static final Logger LOG = LoggerFactory.getLogger(AsterixOutput.class);

    private final LiveServer server;
    private final MulticastSender udp;
    private final int sac, sic;
    private final double periodS;
    private final AreaProjection plane;
    private final Cat062Writer encoder = new Cat062Writer();
    private final Cat063Writer sensorStatus = new Cat063Writer();
    private final Cat065Writer serviceStatus = new Cat065Writer();
    private final byte[] block = new byte[MAX_DATAGRAM];
    private final LongAdder records = new LongAdder();
    private final LongAdder serviceRecords = new LongAdder();
    /** I063/050 SAC << 8 | SIC of each sensor by name: configured, or numbered in the order they first appear. */
    private final Map<String, Integer> sensorIds = new HashMap<>();
    /** Sensors numbered so far (SIC of the next one less one). */
    private int numbered;

    private ScheduledExecutorService timer;

    public AsterixOutput(
            LiveServer server,
            MulticastSender udp,
            int sac,
            int sic,
            double originLat,
            double originLon,
            double periodS) {
        this(server, udp, sac, sic, originLat, originLon, periodS, Map.of());
    }

    /** @param sensorIds I063/050 of named sensors (SAC << 8 | SIC), e.g. their radars' own data sources */
    public AsterixOutput(
            LiveServer server,
            MulticastSender udp,
            int sac,
            int sic,
            double originLat,
            double originLon,
            double periodS,
            Map<String, Integer> sensorIds) {
        this.sensorIds.putAll(sensorIds);
        this.server = server;
        this.udp = udp;
        this.sac = sac;
        this.sic = sic;
        this.periodS = periodS;
        this.plane = new AreaProjection(originLat, originLon);
    }

    /** CAT062 records sent. */
    public long records() {
        return records.sum();
    }

    /** CAT063 and CAT065 records sent. */
    public long serviceRecords() {
        return serviceRecords.sum();
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-out-asterix");
            t.setDaemon(true);
            return t;
        });
        long periodMs = Math.max(100, Math.round(periodS * 1000));
        var unused = // tick() catches its own failures, so the schedule goes on
                timer.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            send(server.picture().snapshot());
        } catch (RuntimeException e) {
            LOG.warn("ASTERIX output: {}", e.toString());
        }
    }

    /** Every track of {@code s}, in as many datagrams as needed. */
    void send(PictureSnapshot s) {
        encoder.startBlock(block, 0);
        for (SystemTrackView t : s.tracks()) {
            if (encoder.blockLength() + Cat062Writer.MAX_RECORD > MAX_DATAGRAM) flush();
            encode(t);
        }
        flush();
        services(s);
    }

    /** CAT063 per sensor, then CAT065 SDPS status and end of batch, in one datagram. */
    private void services(PictureSnapshot s) {
        double tod = Math.floorMod(Math.floorDiv(s.nowNanos(), 1_000_000L), 86_400_000L) / 1000.0;
        sensorStatus.startBlock(block, 0);
        int n = 0;
        for (SensorHealth.Status st : s.sensors()) {
            if (sensorStatus.blockLength() + 32 + 64 > MAX_DATAGRAM) break; // the CAT065 block must fit
            Integer sensor = sensorIds.get(st.sensor());
            if (sensor == null) {
                if (numbered == 255) continue; // I063/050 SIC is one octet
                sensor = sac << 8 | ++numbered;
                sensorIds.put(st.sensor(), sensor);
                LOG.info("ASTERIX output: sensor {} is CAT063 SAC/SIC {}/{}", st.sensor(), sac, numbered);
            }
            int con = switch (st.state()) {
                case SensorHealth.UP -> Cat063Writer.OPERATIONAL;
                case SensorHealth.DEGRADED -> Cat063Writer.DEGRADED;
                default -> Cat063Writer.NOT_CONNECTED;
            };
            int nogo = 0;
            if (SensorHealth.LOST.equals(st.state()))
                nogo = SensorHealth.ADSB.equals(st.kind())
                        ? Cat063Writer.ADS_NOGO
                        : Cat063Writer.PSR_NOGO | Cat063Writer.SSR_NOGO | Cat063Writer.MDS_NOGO;
            sensorStatus.report(sac, sic, 0, tod, sensor >>> 8, sensor & 0xFF, con, nogo);
            if (sensorStatus.endRecord() > 0) n++;
        }
        int len = sensorStatus.endBlock();
        serviceStatus.startBlock(block, len);
        serviceStatus.sdpsStatus(sac, sic, 0, tod, Cat065Writer.OPERATIONAL, false, false);
        if (serviceStatus.endRecord() > 0) n++;
        serviceStatus.endOfBatch(sac, sic, 0, tod, 0);
        if (serviceStatus.endRecord() > 0) n++;
        len += serviceStatus.endBlock();
        udp.send(block, 0, len);
        serviceRecords.add(n);
    }

    private void flush() {
        int n = encoder.endBlock();
        if (n > 0) udp.send(block, 0, n);
        encoder.startBlock(block, 0);
    }

    private void encode(SystemTrackView t) {
        if (encode(encoder, plane, sac, sic, t) > 0) records.increment();
    }

    /**
     * One track as a CAT062 record into {@code writer}'s block (the output's mapping, docs/INTEROP.md);
     * allocation-free. Returns the record's length, or -1 when the block is full.
     */
    public static int encode(Cat062Writer writer, AreaProjection plane, int sac, int sic, SystemTrackView t) {
        plane.forward(t.lat(), t.lon());
        double v = t.speedKt() * org.vigil.core.geo.Units.KT, c = Math.toRadians(t.trackDeg());
        long ms = t.timeMs();
        writer.dataSource(sac, sic, 0)
                .timeOfTrack(Math.floorMod(ms, 86_400_000L) / 1000.0)
                .position(t.lat(), t.lon())
                .cartesian(plane.x, plane.y)
                .velocity(v * Math.sin(c), v * Math.cos(c))
                .track(t.trackNumber(), t.sensors().size() <= 1, "tentative".equals(t.status()))
                .trackAge(t.coastingS())
                .accuracy(t.positionSigmaM(), t.positionSigmaM());
        if (t.squawk() != null) writer.mode3A(Integer.parseInt(t.squawk(), 8));
        if (t.callsign() != null) {
            long packed = Callsigns.packOrNone(t.callsign());
            if (packed != 0) writer.callsign(packed);
        }
        if (t.icao() != null) writer.address(Integer.parseInt(t.icao(), 16));
        if (t.altitudeFt() != null) writer.flightLevel(t.altitudeFt() / 100.0);
        if (t.verticalRateFpm() != null) writer.rateOfClimb(t.verticalRateFpm());
        return writer.endRecord();
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
        udp.close();
    }
}
