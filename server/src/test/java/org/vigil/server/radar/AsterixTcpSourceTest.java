package org.vigil.server.radar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.asterix.plots.PlotRejection;
import org.vigil.server.feed.Backoff;

class AsterixTcpSourceTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void streamWithABadLenResynchronisesAndKeepsDelivering() throws Exception {
        RadarBlocks.Collect sink = new RadarBlocks.Collect();
        double tod = (System.currentTimeMillis() % 86_400_000L) / 1000.0;
        byte[] good = RadarBlocks.concat(
                RadarBlocks.northMarker(tod), RadarBlocks.fl350East(10, tod), RadarBlocks.fl350East(10, tod + 1));
        byte[] badLen = {48, 0, 0, 1, 2, 3};
        byte[] stream = RadarBlocks.concat(good, badLen, good);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                AsterixTcpSource source = new AsterixTcpSource(
                        "radar-tcp",
                        "127.0.0.1",
                        server.getLocalPort(),
                        RadarBlocks.network(),
                        sink,
                        new Object(),
                        new Backoff(50, 100),
                        2_000,
                        5_000)) {
            source.start();
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < stream.length; i += 7) { // dribble: blocks split across reads
                    out.write(stream, i, Math.min(7, stream.length - i));
                    out.flush();
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sink.plotCount() < 4 && System.nanoTime() < deadline) Thread.sleep(20);
            }
            assertThat(sink.plotCount()).isEqualTo(4);
            assertThat(source.counters().rejects(PlotRejection.BAD_LENGTH))
                    .as(source.counters().toString())
                    .isEqualTo(1);
            assertThat(source.counters().resyncBytes()).isEqualTo(badLen.length);
            assertThat(source.status().kind()).isEqualTo("tcp-client");
            assertThat(source.status().connects()).isEqualTo(1);
        }
    }
}
