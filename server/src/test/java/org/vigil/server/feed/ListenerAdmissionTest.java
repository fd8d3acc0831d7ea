package org.vigil.server.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.server.feed.FeedTestFrames.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigil.codec.feed.FeedFormat;

/** Feed security: allow-list of source addresses, a limit per source, refusals counted. */
class ListenerAdmissionTest {
    static final InetAddress ONE = address("127.0.0.1"), TWO = address("127.0.0.2");

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static Socket connectFrom(InetAddress from, int port) throws java.io.IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress(ONE, port), 5_000);
        s.setSoTimeout(5_000);
        return s;
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSourceOutsideTheAllowListIsRefusedAndCounted() throws Exception {
        Object lock = new Object();
        Recorder rec = new Recorder(lock);
        TcpListenerSource source = new TcpListenerSource(
                "guarded",
                ONE,
                0,
                FeedFormat.BEAST,
                new FeedDelivery(lock, rec, null),
                8,
                10_000,
                new TcpListenerSource.Admission(List.of(TcpListenerSource.Network.parse("127.0.0.1/32")), 4));
        source.start();
        try (Socket stranger = connectFrom(TWO, source.localPort());
                Socket friend = connectFrom(ONE, source.localPort())) {
            assertThat(stranger.getInputStream().read()).isEqualTo(-1); // closed by Vigil at once
            assertThat(await(() -> source.connectedFeeders() == 1, 5_000)).isTrue();
            friend.getOutputStream().write(beast(shortFlights().get(0), 77, 9));
            assertThat(await(() -> rec.size() == 1, 5_000)).isTrue();
            assertThat(source.refused(TcpListenerSource.Refusal.NOT_ALLOWED)).isEqualTo(1);
            assertThat(source.feed().connectionsRefused()).isEqualTo(1);
            assertThat(source.status().connectionsRefused()).isEqualTo(1);
            assertThat(source.refusedByReason())
                    .containsEntry("not_allowed", 1L)
                    .containsEntry("too_many_from_source", 0L);
            assertThat(source.feed().lastError()).contains("127.0.0.2").contains("not allowed");
        } finally {
            source.stop();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void oneSourceCannotTakeEverySlot() throws Exception {
        Object lock = new Object();
        TcpListenerSource source = new TcpListenerSource(
                "limited",
                ONE,
                0,
                FeedFormat.BEAST,
                new FeedDelivery(lock, new Recorder(lock), null),
                32,
                10_000,
                new TcpListenerSource.Admission(List.of(), 2));
        source.start();
        try (Socket a = connectFrom(TWO, source.localPort());
                Socket b = connectFrom(TWO, source.localPort())) {
            assertThat(await(() -> source.connectedFeeders() == 2, 5_000)).isTrue();
            try (Socket third = connectFrom(TWO, source.localPort())) {
                assertThat(third.getInputStream().read()).isEqualTo(-1);
            }
            // the real feeder on another address still gets in
            try (Socket feeder = connectFrom(ONE, source.localPort())) {
                assertThat(await(() -> source.connectedFeeders() == 3, 5_000)).isTrue();
            }
            assertThat(source.refused(TcpListenerSource.Refusal.TOO_MANY_FROM_SOURCE))
                    .isEqualTo(1);
        } finally {
            source.stop();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aSilentFeederIsDroppedAfterTheIdleTimeout() throws Exception {
        Object lock = new Object();
        TcpListenerSource source = new TcpListenerSource(
                "idle",
                ONE,
                0,
                FeedFormat.BEAST,
                new FeedDelivery(lock, new Recorder(lock), null),
                4,
                300,
                TcpListenerSource.Admission.open());
        source.start();
        try (Socket silent = connectFrom(ONE, source.localPort())) {
            assertThat(silent.getInputStream().read()).isEqualTo(-1); // dropped by Vigil, not by us
            assertThat(await(() -> source.feed().disconnects() == 1, 5_000)).isTrue();
            assertThat(source.feed().lastError()).contains("silent");
        } finally {
            source.stop();
        }
    }

    @Test
    void networksParseAndMatch() {
        TcpListenerSource.Network lan = TcpListenerSource.Network.parse("192.168.1.0/24");
        assertThat(lan.contains(address("192.168.1.200"))).isTrue();
        assertThat(lan.contains(address("192.168.2.1"))).isFalse();
        assertThat(TcpListenerSource.Network.parse("10.0.0.7").contains(address("10.0.0.7")))
                .isTrue();
        assertThat(TcpListenerSource.Network.parse("10.0.0.0/9").contains(address("10.127.255.255")))
                .isTrue();
        assertThat(TcpListenerSource.Network.parse("10.0.0.0/9").contains(address("10.128.0.0")))
                .isFalse();
        assertThat(TcpListenerSource.Network.parse("::1").contains(address("127.0.0.1")))
                .isFalse();
        assertThatThrownBy(() -> TcpListenerSource.Network.parse("feeder.example.org"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpListenerSource.Network.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
