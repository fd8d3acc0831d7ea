package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.asterix.plots.PlotRejection;
import org.vigil.core.radar.RadarNetwork;
import org.vigil.core.radar.RadarPlot;
import org.vigil.core.radar.ServiceMessage;
import org.vigil.server.feed.FeedRegistry;
import org.vigil.server.feed.FeedStatus;

class AsterixUdpSourceTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void plotsAndNorthMarkersArriveOverLoopbackWithGarbageCountedByReason() throws Exception {
        RadarNetwork network = RadarBlocks.network();
        RadarBlocks.Collect sink = new RadarBlocks.Collect();
        FeedRegistry registry = new FeedRegistry();
        AsterixUdpSource source =
                registry.add(new AsterixUdpSource("radar-udp", LOOPBACK, 0, null, null, network, sink, new Object()));
        registry.startAll();
        try (DatagramSocket out = new DatagramSocket(0, LOOPBACK)) {
            int port = source.localPort();
            long now = System.currentTimeMillis() * 1_000_000L;
            double todNow = (now % 86_400_000_000_000L) / 1e9;
            send(out, port, RadarBlocks.concat(RadarBlocks.northMarker(todNow), RadarBlocks.fl350East(10, todNow)));
            send(out, port, new byte[] {48, 0, 1, 9, 9}); // LEN 1: bad_length
            send(out, port, new byte[] {48, 0, 6, (byte) 0x80, 25}); // LEN beyond the datagram
            send(out, port, new byte[] {48, 0, 5, (byte) 0x80, 25}); // item cut short: truncated
            send(out, port, RadarBlocks.fl350East(99, todNow)); // unknown radar
            send(out, port, new byte[] {(byte) 200, 0, 4, 0}); // category without a spec
            send(
                    out,
                    port,
                    RadarBlocks.concat(RadarBlocks.fl350East(10, todNow + 1), RadarBlocks.northMarker(todNow + 4.8)));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (source.counters().serviceMessages() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
        } finally {
            registry.stopAll();
        }

        assertThat(sink.plotCount()).isEqualTo(2);
        RadarPlot p = sink.plots().get(0);
        assertThat(p.latDeg).isCloseTo(RadarBlocks.EAST_LAT, within(3e-5));
        assertThat(p.lonDeg).isCloseTo(RadarBlocks.EAST_LON, within(4e-5));
        assertThat(p.trackNumber).isEqualTo(77);
        assertThat(Math.abs(p.timeNanos - System.currentTimeMillis() * 1_000_000L))
                .isLessThan(60_000_000_000L);
        assertThat(sink.plots().get(1).timeNanos - p.timeNanos).isEqualTo(1_000_000_000L);
        assertThat(sink.messages).containsExactly(ServiceMessage.NORTH_MARKER, ServiceMessage.NORTH_MARKER);
        assertThat(network.radar(25, 10).rotationPeriodSeconds()).isCloseTo(4.8, within(1.0 / 128)); // I034/041 LSB

        assertThat(source.counters().rejects(PlotRejection.BAD_LENGTH)).isEqualTo(2);
        assertThat(source.counters().rejects(PlotRejection.TRUNCATED)).isEqualTo(1);
        assertThat(source.counters().rejects(PlotRejection.UNKNOWN_SAC_SIC)).isEqualTo(1);
        assertThat(source.counters().rejects(PlotRejection.UNKNOWN_CATEGORY)).isEqualTo(1);
        assertThat(source.counters().lastUnknownSensor()).isEqualTo("25/99");

        FeedStatus st = registry.statuses().get(0);
        assertThat(st.name()).isEqualTo("radar-udp");
        assertThat(st.kind()).isEqualTo("udp");
        assertThat(st.framesAccepted()).isEqualTo(2);
        assertThat(st.rejects()).containsEntry("bad_length", 2L).containsEntry("unknown_sac_sic", 1L);
        assertThat(st.state()).isEqualTo("closed");
    }

    @Test
    void aMulticastGroupMustBeOne() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AsterixUdpSource(
                        "m",
                        null,
                        0,
                        InetAddress.getLoopbackAddress(),
                        null,
                        RadarBlocks.network(),
                        new RadarBlocks.Collect(),
                        new Object()))
                .hasMessageContaining("not a multicast group");
    }

    private static void send(DatagramSocket s, int port, byte[] b) throws Exception {
        s.send(new DatagramPacket(b, b.length, LOOPBACK, port));
        Thread.sleep(5); // keep order and let the receiver drain; loopback does not reorder but may drop bursts
    }
}
