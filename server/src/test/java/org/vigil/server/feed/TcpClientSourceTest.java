package org.vigil.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.server.feed.FeedTestFrames.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.feed.FeedCounters;
import org.vigil.codec.feed.FeedFormat;
import org.vigil.codec.feed.RejectReason;

/**
 * Over real TCP on loopback: a test receiver serves Beast with garbage mixed in, drops the
 * connection mid-frame, comes back; the client reconnects, counts the garbage by reason and
 * loses none of the valid frames.
 */
class TcpClientSourceTest {
    private static final int SESSIONS = 3;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void reconnectsAfterDropsCountsGarbageAndLosesNoFrame() throws Exception {
        List<byte[]> frames = shortFlights();
        List<String> expected = new ArrayList<>();
        List<byte[]> sessions = new ArrayList<>();
        int perSession = frames.size() / SESSIONS;
        long mlat = 0x1A0000000000L; // timestamps full of 0x1A bytes exercise the escaping
        for (int s = 0; s < SESSIONS; s++) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            wire.writeBytes("\r\nleftover from an old stream".getBytes(StandardCharsets.US_ASCII)); // garbage
            for (int i = s * perSession; i < (s + 1) * perSession; i++) {
                mlat += 0x1A1A;
                byte[] b = beast(frames.get(i), mlat, 0x1A);
                expected.add(key(frames.get(i), mlat));
                if (i % 40 == 7) wire.writeBytes("#noise#".getBytes(StandardCharsets.US_ASCII)); // garbage
                if (i % 60 == 11) wire.writeBytes(new byte[] {0x1A, 'Q', 0x55, 0x66}); // unknown type
                if (i % 70 == 13) wire.writeBytes(Arrays.copyOf(b, 12)); // cut short: bad escape
                wire.writeBytes(b);
            }
            byte[] lastPartial = beast(frames.get(0), 1, 2);
            wire.writeBytes(Arrays.copyOf(lastPartial, 10)); // in flight when the link drops: truncated
            sessions.add(wire.toByteArray());
        }
        // reference counts: the same bytes through a framer in one piece
        FeedCounters reference = new FeedCounters();
        org.vigil.codec.feed.BeastFramer ref =
                new org.vigil.codec.feed.BeastFramer(reference, (b, o, l, t, m, sg) -> {});
        for (byte[] s : sessions) {
            ref.accept(s, 0, s.length, 0);
            ref.endOfStream();
        }
        assertThat(reference.rejects(RejectReason.TRUNCATED)).isEqualTo(SESSIONS);
        assertThat(reference.rejects(RejectReason.BAD_ESCAPE)).isPositive();
        assertThat(reference.rejects(RejectReason.UNKNOWN_TYPE)).isPositive();
        assertThat(reference.rejects(RejectReason.GARBAGE)).isGreaterThan(SESSIONS);

        AtomicReference<Throwable> serverError = new AtomicReference<>();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.setSoTimeout(10_000);
            Thread receiver = new Thread(
                    () -> {
                        try {
                            for (byte[] data : sessions) {
                                try (Socket c = server.accept()) {
                                    OutputStream out = c.getOutputStream();
                                    // odd-sized writes so frames and escapes straddle TCP segments
                                    for (int pos = 0; pos < data.length; ) {
                                        int n = Math.min(data.length - pos, 1 + (pos * 7919) % 97);
                                        out.write(data, pos, n);
                                        out.flush();
                                        pos += n;
                                    }
                                    c.shutdownOutput(); // orderly close after everything was sent
                                    c.getInputStream().read(); // wait for the client to close its side
                                }
                            }
                            server.close(); // gone for good: further attempts are refused, not counted as connects
                        } catch (Throwable t) {
                            serverError.set(t);
                        }
                    },
                    "test-receiver");
            receiver.setDaemon(true);
            receiver.start();

            Object lock = new Object();
            Recorder rec = new Recorder(lock);
            TcpClientSource source = new TcpClientSource(
                    "beast-test",
                    "127.0.0.1",
                    server.getLocalPort(),
                    FeedFormat.BEAST,
                    new FeedDelivery(lock, rec, null),
                    new Backoff(20, 200),
                    2_000,
                    10_000);
            source.start();
            try {
                assertThat(await(() -> source.feed().disconnects() >= SESSIONS, 20_000))
                        .as("all sessions served")
                        .isTrue();
                receiver.join(5_000);
                assertThat(serverError.get()).isNull();
            } finally {
                source.stop();
            }
            assertThat(rec.deliveredWithoutLock).isFalse();
            // exact multiset of frames: nothing lost, nothing invented, nothing doubled
            assertThat(rec.snapshot()).containsExactlyInAnyOrderElementsOf(expected);
            Feed feed = source.feed();
            FeedCounters c = feed.counters();
            assertThat(c.framesAccepted()).isEqualTo(expected.size());
            for (RejectReason r : RejectReason.values()) {
                assertThat(c.rejects(r)).as(r.label).isEqualTo(reference.rejects(r));
            }
            assertThat(c.bytesRead())
                    .isEqualTo(sessions.stream().mapToLong(s -> s.length).sum());
            assertThat(feed.connects()).isEqualTo(SESSIONS);
            assertThat(feed.disconnects()).isEqualTo(SESSIONS);
            assertThat(feed.state()).isEqualTo(FeedState.CLOSED);
            FeedStatus st = source.status();
            assertThat(st.rejects()).containsEntry("truncated", (long) SESSIONS).containsKey("bad_crc");
            assertThat(st.framesAccepted()).isEqualTo(expected.size());
            assertThat(st.kind()).isEqualTo("tcp-client");
            assertThat(st.endpoint()).isEqualTo("127.0.0.1:" + server.getLocalPort());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void backsOffWhileNobodyListensAndStopsPromptly() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // free port, closed again: connections are refused
        }
        Object lock = new Object();
        TcpClientSource source = new TcpClientSource(
                "nobody",
                "127.0.0.1",
                port,
                FeedFormat.AVR,
                new FeedDelivery(lock, new Recorder(lock), null),
                new Backoff(50, 100),
                1_000,
                5_000);
        source.start();
        assertThat(await(() -> source.feed().state() == FeedState.BACKOFF, 5_000))
                .isTrue();
        assertThat(source.feed().lastError()).isNotNull();
        long t0 = System.nanoTime();
        source.stop();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
        assertThat(source.feed().state()).isEqualTo(FeedState.CLOSED);
        assertThat(source.feed().connects()).isZero();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void silentConnectionIsDroppedAfterTheIdleTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(server.accept()); // accept and say nothing
                } catch (IOException ignored) {
                    // server closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Object lock = new Object();
            TcpClientSource source = new TcpClientSource(
                    "quiet",
                    "127.0.0.1",
                    server.getLocalPort(),
                    FeedFormat.BEAST,
                    new FeedDelivery(lock, new Recorder(lock), null),
                    new Backoff(20, 50),
                    1_000,
                    200);
            source.start();
            try {
                assertThat(await(() -> source.feed().disconnects() >= 2, 10_000))
                        .isTrue();
                assertThat(source.feed().lastError()).contains("no data");
            } finally {
                source.stop();
                for (Socket s : held) s.close();
            }
        }
    }
}
