package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.codec.feed.FeedTestSupport.ascii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.ModeSMessage;
import org.vigil.core.Callsigns;

class SbsParserTest {
    /** Copies the values a test looks at (the parser reuses its message). */
    record Seen(
            int icao,
            long time,
            String callsign,
            int alt,
            int gnssAlt,
            double gs,
            double track,
            double lat,
            double lon,
            int vr,
            int vrSource,
            int squawk,
            int fs,
            int vs,
            boolean surface,
            int type) {}

    private final FeedCounters counters = new FeedCounters();
    private final List<Seen> seen = new ArrayList<>();
    private SbsParser parser = new SbsParser(counters, this::record);

    private void record(ModeSMessage m) {
        seen.add(new Seen(
                m.icao,
                m.timeNanos,
                Callsigns.unpack(m.callsign),
                m.altitudeFt,
                m.gnssAltitudeFt,
                m.groundspeedKt,
                m.trackDeg,
                m.lat,
                m.lon,
                m.verticalRateFpm,
                m.vrSource,
                m.squawk,
                m.flightStatus,
                m.verticalStatus,
                m.surface,
                parser.transmissionType()));
        assertThat(m.crcOk).isTrue();
    }

    private void feed(String s, long t) {
        byte[] b = ascii(s);
        parser.accept(b, 0, b.length, t);
    }

    /** One SBS line: the given values for fields 0.. and empty fields up to 22, with CR LF. */
    private static String line(String... fields) {
        String[] all = new String[22];
        java.util.Arrays.fill(all, "");
        System.arraycopy(fields, 0, all, 0, fields.length);
        return String.join(",", all) + "\r\n";
    }

    private static String msg(int type, String hex, String... rest) {
        String[] f = new String[10 + rest.length];
        String[] head = {
            "MSG",
            Integer.toString(type),
            "1",
            "1",
            hex,
            "1",
            "2019/12/10",
            "19:10:46.320",
            "2019/12/10",
            "19:10:47.789"
        };
        System.arraycopy(head, 0, f, 0, 10);
        System.arraycopy(rest, 0, f, 10, rest.length);
        return line(f);
    }

    @Test
    void readsTheReadsbExampleLine() {
        feed(
                "MSG,3,1,1,4AC8B3,1,2019/12/10,19:10:46.320,2019/12/10,19:10:47.789,,36017,,,51.1001,10.1915,,,,,,\r\n",
                77);
        assertThat(seen).hasSize(1);
        Seen s = seen.get(0);
        assertThat(s.icao()).isEqualTo(0x4AC8B3);
        assertThat(s.time()).isEqualTo(77);
        assertThat(s.alt()).isEqualTo(36017);
        assertThat(s.lat()).isEqualTo(51.1001);
        assertThat(s.lon()).isEqualTo(10.1915);
        assertThat(s.callsign()).isNull();
        assertThat(s.gs()).isNaN();
        assertThat(s.squawk()).isEqualTo(ModeSMessage.ABSENT);
        assertThat(s.fs()).isEqualTo(ModeSMessage.ABSENT);
        assertThat(s.type()).isEqualTo(3);
        assertThat(counters.framesAccepted()).isEqualTo(1);
    }

    @Test
    void readsEveryValueField() {
        feed(msg(1, "406B90", "EZY85MH ", "", "", "", "", "", "", "", "0", "0", "0", "0"), 1);
        feed(msg(4, "406b90", "", "", "452.5", "123", "", "", "-1088", "", "", "", "", "0"), 2);
        feed(msg(3, "406B90", "", "36100H", "", "", "-33.5", "-70.25", "2048H", "7500", "-1", "-1", "-1", "-1"), 3);
        feed(msg(2, "406B90", "", "", "12", "359.9", "48.1", "11.5", "", "", "", "", "0", "-1"), 4);
        assertThat(counters.totalRejects()).isZero();
        assertThat(seen).hasSize(4);
        Seen id = seen.get(0), vel = seen.get(1), pos = seen.get(2), surf = seen.get(3);
        assertThat(id.callsign()).isEqualTo("EZY85MH");
        assertThat(id.fs()).isEqualTo(0);
        assertThat(id.vs()).isEqualTo(0);
        assertThat(vel.icao()).isEqualTo(0x406B90);
        assertThat(vel.gs()).isEqualTo(452.5);
        assertThat(vel.track()).isEqualTo(123.0);
        assertThat(vel.vr()).isEqualTo(-1088);
        assertThat(vel.vrSource()).isEqualTo(ModeSMessage.ABSENT);
        assertThat(vel.fs()).isEqualTo(ModeSMessage.ABSENT); // alert/SPI unknown
        assertThat(pos.gnssAlt()).isEqualTo(36100);
        assertThat(pos.alt()).isEqualTo(ModeSMessage.ABSENT);
        assertThat(pos.lat()).isEqualTo(-33.5);
        assertThat(pos.lon()).isEqualTo(-70.25);
        assertThat(pos.vr()).isEqualTo(2048);
        assertThat(pos.vrSource()).isEqualTo(0);
        assertThat(pos.squawk()).isEqualTo(7500);
        assertThat(pos.fs()).isEqualTo(4); // alert and SPI
        assertThat(pos.vs()).isEqualTo(1);
        assertThat(surf.surface()).isTrue();
        assertThat(surf.fs()).isEqualTo(ModeSMessage.ABSENT); // SPI off but alert unknown
        assertThat(surf.vs()).isEqualTo(1);
        assertThat(surf.track()).isEqualTo(359.9);
    }

    @Test
    void recordedTimeIsReadAsUtcWithOffset() {
        parser = new SbsParser(counters, this::record, true, 0);
        feed(msg(5, "4AC8B3", "", "1000"), 1);
        parser = new SbsParser(counters, this::record, true, 120); // a host two hours east of UTC
        feed(msg(5, "4AC8B3", "", "1000"), 1);
        parser = new SbsParser(counters, this::record, true, 0);
        feed(line("MSG", "5", "1", "1", "4AC8B3", "1", "", "", "", "", "", "1000"), 99); // no time: receive time
        long utc = Instant.parse("2019-12-10T19:10:46.320Z").toEpochMilli() * 1_000_000L;
        assertThat(seen).extracting(Seen::time).containsExactly(utc, utc - 7_200_000_000_000L, 99L);
        assertThat(SbsParser.daysFromCivil(2000, 2, 29))
                .isEqualTo(java.time.LocalDate.of(2000, 2, 29).toEpochDay());
        assertThat(SbsParser.daysFromCivil(1970, 1, 1)).isZero();
    }

    @Test
    void badLinesAreCountedByReasonAndParsingGoesOn() {
        String good = msg(8, "4CA7B2");
        feed(
                good
                        + "\r\n" // heartbeat
                        + "STA,,5,179,400AE7,10103,2008/11/28,14:58:51.153,2008/11/28,14:58:51.153,RM\r\n" // other
                        // record
                        + "MSG,3,1,1,4AC8B3,1,2019/12/10\r\n" // truncated (few fields)
                        + msg(9, "4AC8B3") // bad type
                        + msg(3, "4AC8B") // short hex
                        + msg(3, "4AC8BG") // non-hex
                        + msg(3, "4AC8B3", "", "36x00") // bad altitude
                        + msg(3, "4AC8B3", "", "", "", "", "51.1") // latitude without longitude
                        + msg(3, "4AC8B3", "", "", "", "", "91.0", "10") // latitude out of range
                        + msg(6, "4AC8B3", "", "", "", "", "", "", "", "7800") // 8 is not octal
                        + msg(1, "4AC8B3", "TOOLONGCS") // callsign over 8
                        + msg(1, "4AC8B3", "AB-12") // callsign character
                        + msg(3, "4AC8B3", "", "", "", "", "", "", "", "", "", "", "", "2") // ground flag
                        + msg(3, "~4AC8B3", "", "1000") // non-ICAO: skipped
                        + msg(3, "4AC8B3", "", "", "1.2.3") // two decimal points
                        + good,
                5);
        assertThat(seen).hasSize(2);
        assertThat(counters.skips(SkipReason.HEARTBEAT)).isEqualTo(1);
        assertThat(counters.skips(SkipReason.OTHER_RECORD)).isEqualTo(1);
        assertThat(counters.skips(SkipReason.NON_ICAO)).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.TRUNCATED)).isEqualTo(1);
        assertThat(counters.rejects(RejectReason.BAD_FIELD)).isEqualTo(11);
        assertThat(counters.totalRejects()).isEqualTo(12);
    }

    @Test
    void lenientAlertAndEmergencyForReadsbMlatLines() {
        feed(msg(3, "4AC8B3", "", "1000", "", "", "", "", "", "", "3", "120", "0", "0"), 1);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).fs()).isEqualTo(ModeSMessage.ABSENT);
        assertThat(seen.get(0).vs()).isEqualTo(0);
    }

    @Test
    void everyChunkingGivesTheSameMessagesAndLongLinesAreCut() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append(
                    msg(1 + i % 8, String.format("%06X", i * 4099), "C" + i, Integer.toString(i * 100), "" + i + ".5"));
            if (i % 50 == 0) sb.append("x".repeat(SbsParser.MAX_LINE + 10)).append('\n');
            if (i % 60 == 0) sb.append("MSG,1\n");
        }
        byte[] data = ascii(sb.toString());
        parser.accept(data, 0, data.length, 0);
        List<Seen> reference = new ArrayList<>(seen);
        assertThat(reference).hasSize(200);
        assertThat(counters.rejects(RejectReason.TOO_LONG)).isEqualTo(4);
        assertThat(counters.rejects(RejectReason.TRUNCATED)).isEqualTo(4);
        String referenceCounts = FeedTestSupport.counts(counters);
        for (long seed = 1; seed <= 20; seed++) {
            seen.clear();
            FeedCounters c = new FeedCounters();
            parser = new SbsParser(c, this::record);
            FeedTestSupport.feedRandomChunks(parser, data, seed, seed % 2 == 0 ? 2 : 700);
            assertThat(seen)
                    .extracting(Seen::icao)
                    .containsExactlyElementsOf(
                            reference.stream().map(Seen::icao).toList());
            assertThat(seen)
                    .extracting(Seen::alt)
                    .containsExactlyElementsOf(reference.stream().map(Seen::alt).toList());
            assertThat(FeedTestSupport.counts(c)).isEqualTo(referenceCounts);
        }
    }

    @Test
    void decimalParsingMatchesJava() {
        String[] values = {"0", "0.1", "51.100123", "+179.999999", "4999.99999999", "0.3000000000000004", "007.25"};
        for (String v : values) {
            seen.clear();
            feed(msg(4, "000001", "", "", v), 1);
            assertThat(seen).as(v).hasSize(1);
            assertThat(seen.get(0).gs()).as(v).isEqualTo(Double.parseDouble(v));
        }
    }
}
