package org.vigil.server.output.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigil.server.output.net.StreamServer;
import org.vigil.server.tracking.SystemTrackView;

/**
 * Inbound CoT framing and rejection: events split across reads in any way arrive whole; Vigil's own
 * encoder's output (XML and protobuf) reads back; garbage, fuzzed bytes and over-long messages are
 * counted, never thrown, and the stream goes on; stale events leave.
 */
class CotInboundTest {
    private static final String EVENT = "<?xml version=\"1.0\"?>\n<event version=\"2.0\" uid=\"u1\" type=\"a-f-G\""
            + " how=\"h-e\" time=\"2026-12-07T11:00:00Z\" start=\"2026-12-07T11:00:00Z\""
            + " stale=\"2026-12-07T11:05:00Z\"><point lat=\"43.1\" lon=\"28.2\" hae=\"10\" ce=\"5\" le=\"5\"/>"
            + "<detail><contact callsign=\"ALPHA&amp;1\"/><remarks>hi</remarks></detail></event>\n";
    private static final long NOW =
            java.time.Instant.parse("2026-12-07T11:01:00Z").toEpochMilli();

    @Test
    void eventsSplitAnywhereArriveWhole() {
        byte[] b = (EVENT + EVENT.replace("u1", "u2")).getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < b.length; cut += 7) {
            CotInbound in = new CotInbound(() -> NOW);
            StreamServer.Receiver r = in.connection("test");
            r.received(b, 0, cut);
            r.received(b, cut, b.length - cut);
            assertThat(in.current()).extracting(CotInbound.Event::uid).containsExactly("u1", "u2");
            assertThat(in.current().get(0).callsign()).isEqualTo("ALPHA&1");
            assertThat(in.rejectedTotal()).isZero();
        }
    }

    @Test
    void vigilsOwnEncoderReadsBackInBothForms() {
        CotInbound in = new CotInbound(() -> 1_650_445_200_000L);
        SystemTrackView t = new SystemTrackView(
                7,
                "confirmed",
                43.5,
                28.25,
                30_000,
                420,
                90,
                0,
                "4BA9C1",
                "THY1TK",
                "7700",
                List.of("ADS-B"),
                false,
                false,
                50,
                60,
                0,
                1_650_445_200_000L,
                null,
                "friend",
                null,
                60,
                40,
                30);
        CotEncoder e = new CotEncoder();
        byte[] buf = new byte[CotEncoder.MAX_EVENT];
        int n = e.xml(t, 9144, 15, buf, 0);
        in.datagram(buf, 0, n, "test");
        assertThat(in.current()).isEmpty(); // vigil-... is our own, heard back: not kept
        assertThat(in.rejectedTotal()).isZero();
        // the same bytes under another uid: kept, fields as written
        String xml = new String(buf, 0, n, StandardCharsets.UTF_8).replace("vigil-track-7", "peer-7");
        in.datagram(xml.getBytes(StandardCharsets.UTF_8), 0, xml.length(), "test");
        int p = e.proto(t, 9144, 15, true, buf, 0);
        String protoUid = "vigil-track-7";
        in.connection("test").received(buf, 0, p); // streaming framing, own uid: read, not kept
        assertThat(in.accepted()).isEqualTo(1);
        CotInbound.Event got = in.current().get(0);
        assertThat(got.uid()).isEqualTo("peer-7");
        assertThat(got.type()).isEqualTo("a-f-A");
        assertThat(got.callsign()).isEqualTo("THY1TK");
        assertThat(got.lat()).isEqualTo(43.5);
        assertThat(got.hae()).isEqualTo(9144);
        assertThat(got.remarks()).startsWith("Vigil track 7");
        assertThat(protoUid).startsWith("vigil-");
        assertThat(in.rejectedTotal()).isZero();
    }

    @Test
    void garbageIsCountedAndTheStreamGoesOn() {
        CotInbound in = new CotInbound(() -> NOW);
        StreamServer.Receiver r = in.connection("fuzz");
        SplittableRandom rnd = new SplittableRandom(17);
        byte[] junk = new byte[4096];
        for (int i = 0; i < 2_000; i++) {
            rnd.nextBytes(junk);
            int len = rnd.nextInt(junk.length);
            if (i % 3 == 0) {
                junk[0] = (byte) 0xbf; // looks like TAK protocol v1
            } else if (i % 3 == 1) {
                byte[] end = "</event>".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(end, 0, junk, len / 2, Math.min(end.length, junk.length - len / 2));
            }
            r.received(junk, 0, len);
            in.datagram(junk, 0, len, "fuzz");
        }
        long rejects = in.rejectedTotal();
        assertThat(rejects).isPositive();
        // over-long: a message that never ends is cut at the limit
        byte[] big = new byte[CotInbound.MAX_MESSAGE + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] start = "<event uid=\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, big, 0, start.length);
        CotInbound fresh = new CotInbound(() -> NOW);
        StreamServer.Receiver f = fresh.connection("long");
        f.received(big, 0, big.length);
        assertThat(fresh.rejected(CotInbound.Reason.TOO_LONG)).isEqualTo(1);
        // after all that, a good event on a fresh connection and as a datagram is read
        byte[] ok = EVENT.getBytes(StandardCharsets.UTF_8);
        f.received(ok, 0, ok.length);
        assertThat(fresh.current()).extracting(CotInbound.Event::uid).containsExactly("u1");
        in.datagram(ok, 0, ok.length, "after");
        assertThat(in.current()).extracting(CotInbound.Event::uid).contains("u1");
    }

    @Test
    void staleEventsLeave() {
        long[] now = {NOW};
        CotInbound in = new CotInbound(() -> now[0]);
        byte[] ok = EVENT.getBytes(StandardCharsets.UTF_8);
        in.datagram(ok, 0, ok.length, "t");
        assertThat(in.current()).hasSize(1);
        now[0] = java.time.Instant.parse("2026-12-07T11:05:00Z").toEpochMilli();
        assertThat(in.current()).isEmpty();
        assertThat(in.geoJson()).contains("\"features\":[]").contains("\"accepted\":1");
    }
}
