package org.vigil.server.output.asterix;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.codec.asterix.Cat062Writer;
import org.vigil.core.Callsigns;
import org.vigil.core.track.AreaProjection;
import org.vigil.server.live.LiveServer;
import org.vigil.server.output.net.MulticastSender;
import org.vigil.server.picture.PictureSnapshot;
import org.vigil.server.tracking.SystemTrackView;

/**
 * Vigil's system tracks as ASTERIX CAT062 over UDP (docs/INTEROP.md "ASTERIX CAT062"), as an ANSP
 * tracker publishes them: every period, every track of the picture's snapshot, packed into data blocks
 * of at most {@link #MAX_DATAGRAM} octets, one block per datagram. Cartesian positions are in a
 * stereographic plane around the configured origin (core's {@link AreaProjection}, the tracker's own).
 */
public final class AsterixOutput implements LiveServer.Input {
    /** Largest datagram: fits an Ethernet MTU with IP and UDP headers. */
    public static final int MAX_DATAGRAM = 1400;

    private static final Logger LOG = LoggerFactory.getLogger(AsterixOutput.class);
    private static final double KT = 1852.0 / 3600;

    private final LiveServer server;
    private final MulticastSender udp;
    private final int sac, sic;
    private final double periodS;
    private final AreaProjection plane;
    private final Cat062Writer encoder = new Cat062Writer();
    private final byte[] block = new byte[MAX_DATAGRAM];
    private final LongAdder records = new LongAdder();
    private ScheduledExecutorService timer;

    public AsterixOutput(
            LiveServer server,
            MulticastSender udp,
            int sac,
            int sic,
            double originLat,
            double originLon,
            double periodS) {
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
        double v = t.speedKt() * KT, c = Math.toRadians(t.trackDeg());
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
