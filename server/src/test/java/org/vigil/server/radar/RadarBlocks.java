package org.vigil.server.radar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vigil.codec.asterix.Cat034Writer;
import org.vigil.codec.asterix.Cat048Writer;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;

/** Test blocks from the asterix engineer's writers, and a radar at 50°N 4°E as 25/10. */
final class RadarBlocks {
    static final RadarSite SITE = new RadarSite(
            25,
            10,
            "Test head",
            50.0,
            4.0,
            100.0,
            4.8,
            70,
            Math.toRadians(0.08),
            RadarSite.DEFAULT_ASSUMED_HEIGHT_METRES);
    /** Expected position of {@link #fl350East}: the hand-computed case in core's RadarPlotProjectionTest. */
    static final double EAST_LAT = 49.971398014, EAST_LON = 6.575829785;

    private RadarBlocks() {}

    static RadarNetwork network() {
        return new RadarNetwork(List.of(SITE));
    }

    static byte[] fl350East(int sic, double tod) {
        byte[] buf = new byte[256];
        Cat048Writer w = new Cat048Writer().startBlock(buf, 0);
        w.clear()
                .dataSource(25, sic)
                .timeOfDay(tod)
                .descriptor(3, 0, 0, 0, 0)
                .polar(100 * 1852.0, 90)
                .mode3A(01234, 0, 0, 0)
                .flightLevel(350, 0, 0)
                .trackNumber(77);
        w.endRecord();
        return Arrays.copyOf(buf, w.endBlock());
    }

    static byte[] northMarker(double tod) {
        byte[] buf = new byte[32];
        return Arrays.copyOf(buf, new Cat034Writer().northMarker(buf, 0, 25, 10, tod, 4.8));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    static long nanos(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    /** Thread-safe collector (sources call it from their reader threads). */
    static final class Collect implements RadarPlotSink {
        final List<RadarPlot> plots = new ArrayList<>();
        final List<ServiceMessage> messages = new ArrayList<>();

        @Override
        public synchronized void onPlot(RadarPlot plot) {
            plots.add(new RadarPlot().copyFrom(plot));
        }

        @Override
        public synchronized void onRadarStatus(RadarStatus status, ServiceMessage message) {
            messages.add(message);
        }

        synchronized int plotCount() {
            return plots.size();
        }

        synchronized List<RadarPlot> plots() {
            return new ArrayList<>(plots);
        }
    }
}
