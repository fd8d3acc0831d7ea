package org.vigil.codec.asterix.plots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigil.codec.asterix.Cat034Writer;
import org.vigil.codec.asterix.Cat048Writer;
import org.vigil.core.radar.PlotType;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.RadarPlotSink;
import org.vigil.core.radar.RadarSite;
import org.vigil.core.radar.RadarStatus;
import org.vigil.core.radar.ServiceMessage;

/** Shared fixtures: a radar at 50°N 4°E (SAC/SIC 25/10) and block builders. */
final class RadarTestData {
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
    /** 2024-03-10T12:00:00Z */
    static final long NOON = Instant.parse("2024-03-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    private RadarTestData() {}

    static RadarNetwork network() {
        return new RadarNetwork(List.of(SITE));
    }

    /** One CAT048 block with one SSR+PSR report: 100 NM east at FL350, squawk 1234, address 0x3C6586, track 77. */
    static byte[] fl350East(int sac, int sic, double tod) {
        byte[] buf = new byte[256];
        Cat048Writer w = new Cat048Writer().startBlock(buf, 0);
        w.clear()
                .dataSource(sac, sic)
                .timeOfDay(tod)
                .descriptor(3, 0, 0, 0, 0)
                .polar(100 * 1852.0, 90)
                .mode3A(01234, 0, 0, 0)
                .flightLevel(350, 0, 0)
                .address(0x3C6586)
                .trackNumber(77);
        w.endRecord();
        return java.util.Arrays.copyOf(buf, w.endBlock());
    }

    /** A primary-only plot: no Mode C, projected at the assumed height. */
    static byte[] primary(int sac, int sic, double tod, double rhoMetres, double thetaDeg) {
        byte[] buf = new byte[256];
        Cat048Writer w = new Cat048Writer().startBlock(buf, 0);
        w.clear().dataSource(sac, sic).timeOfDay(tod).descriptor(1, 0, 0, 0, 0).polar(rhoMetres, thetaDeg);
        w.endRecord();
        return java.util.Arrays.copyOf(buf, w.endBlock());
    }

    static byte[] northMarker(int sac, int sic, double tod, double period) {
        byte[] buf = new byte[32];
        return java.util.Arrays.copyOf(buf, new Cat034Writer().northMarker(buf, 0, sac, sic, tod, period));
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

    /** Keeps copies of what it is given. */
    static final class Collect implements RadarPlotSink {
        final List<RadarPlot> plots = new ArrayList<>();
        final List<ServiceMessage> messages = new ArrayList<>();

        @Override
        public void onPlot(RadarPlot plot) {
            plots.add(new RadarPlot().copyFrom(plot));
        }

        @Override
        public void onRadarStatus(RadarStatus status, ServiceMessage message) {
            messages.add(message);
        }
    }

    static PlotType typeOf(int typ) {
        return PlotType.values()[typ];
    }
}
