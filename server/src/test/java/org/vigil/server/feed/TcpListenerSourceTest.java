package org.vigil.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.server.feed.FeedTestFrames.*;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.RejectReason;

class TcpListenerSourceTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void severalFeedersPushAtOnceAndEveryFrameArrives() throws Exception {
        List<byte[]> frames = shortFlights();
        Object lock = new Object();
        Recorder rec = new Recorder(lock);
        TcpListenerSource source = new TcpListenerSource(
                "push",
                InetAddress.getLoopbackAddress(),
                0,
                FeedFormat.AVR,
                new FeedDelivery(lock, rec, null),
                4,
                10_000);
        source.start();
        try {
            assertThat(source.feed().state()).isEqualTo(FeedState.LISTENING);
            List<String> expected = new ArrayList<>();
            List<byte[]> streams = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                StringBuilder sb = new StringBuilder("junk line\n");
                for (int i = f; i < frames.size(); i += 3) {
                    String hex = java.util.HexFormat.of().withUpperCase().formatHex(frames.get(i));
                    sb.append('@')
                            .append(String.format("%012X", i + 1000L * f))
                            .append(hex)
                            .append(";\n");
                    expected.add(hex + "@" + (i + 1000L * f));
                }
                streams.add(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
            List<Socket> feeders = new ArrayList<>();
            for (int f = 0; f < 3; f++) feeders.add(new Socket(InetAddress.getLoopbackAddress(), source.localPort()));
            // interleave the writes so that the three feeders really are live at the same time
            for (int pos = 0; ; pos += 100) {
                boolean any = false;
                for (int f = 0; f < 3; f++) {
                    byte[] s = streams.get(f);
                    if (pos < s.length) {
                        OutputStream out = feeders.get(f).getOutputStream();
                        out.write(s, pos, Math.min(100, s.length - pos));
                        out.flush();
                        any = true;
                    }
                }
                if (!any) break;
            }
            assertThat(await(() -> source.connectedFeeders() == 3, 5_000)).isTrue();
            assertThat(source.feed().state()).isEqualTo(FeedState.CONNECTED);
            for (Socket s : feeders) s.close();
            assertThat(await(() -> source.feed().disconnects() == 3, 10_000)).isTrue();
            assertThat(await(() -> source.feed().state() == FeedState.LISTENING, 5_000))
                    .isTrue();
            assertThat(rec.snapshot()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(rec.deliveredWithoutLock).isFalse();
            assertThat(source.feed().counters().rejects(RejectReason.GARBAGE)).isEqualTo(3);
            assertThat(source.feed().connects()).isEqualTo(3);
        } finally {
            source.stop();
        }
        assertThat(source.feed().state()).isEqualTo(FeedState.CLOSED);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void feedersBeyondTheLimitAreRefusedAndCounted() throws Exception {
        Object lock = new Object();
        Recorder rec = new Recorder(lock);
        TcpListenerSource source = new TcpListenerSource(
                "one",
                InetAddress.getLoopbackAddress(),
                0,
                FeedFormat.BEAST,
                new FeedDelivery(lock, rec, null),
                1,
                10_000);
        source.start();
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), source.localPort())) {
            assertThat(await(() -> source.connectedFeeders() == 1, 5_000)).isTrue();
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), source.localPort())) {
                second.setSoTimeout(5_000);
                assertThat(second.getInputStream().read()).isEqualTo(-1); // closed by Vigil at once
            }
            assertThat(source.feed().connectionsRefused()).isEqualTo(1);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            byte[] frame = shortFlights().get(0);
            wire.writeBytes(beast(frame, 77, 9));
            first.getOutputStream().write(wire.toByteArray());
            assertThat(await(() -> rec.size() == 1, 5_000)).isTrue();
            assertThat(rec.snapshot()).containsExactly(key(frame, 77));
        } finally {
            source.stop();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPortInUseFailsAtStart() throws Exception {
        Object lock = new Object();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpListenerSource source = new TcpListenerSource(
                    "clash",
                    InetAddress.getLoopbackAddress(),
                    taken.getLocalPort(),
                    FeedFormat.BEAST,
                    new FeedDelivery(lock, new Recorder(lock), null));
            assertThatThrownBy(source::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen");
            assertThat(source.feed().state()).isEqualTo(FeedState.FAILED);
        }
    }
}
