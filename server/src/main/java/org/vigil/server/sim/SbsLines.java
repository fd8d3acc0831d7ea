package org.vigil.server.sim;

import org.vigil.core.Callsigns;

/**
 * SBS-1 BaseStation lines (port 30003) as readsb writes them, for the simulator's SBS output:
 * MSG,1 identification, MSG,3 airborne position, MSG,4 velocity, MSG,6 squawk; 22 fields, CR LF,
 * generated and logged times the same (UTC, millisecond), coordinates to 5 decimals (readsb's
 * {@code %1.5f}). Written straight into a {@link ByteOut}, nothing allocated per line.
 */
final class SbsLines {
    static final int IDENTIFICATION = 1, POSITION = 3, VELOCITY = 4, SQUAWK = 6;

    private SbsLines() {}

    /** Fields 0..9: type, ids, generated and logged date and time. */
    private static void head(ByteOut o, int type, int icao, long epochMillis) {
        o.ascii("MSG,").integer(type).ascii(",1,1,").hex24(icao).ascii(",1,");
        dateTime(o, epochMillis);
        o.ch(',');
        dateTime(o, epochMillis);
    }

    static void identification(ByteOut o, int icao, long epochMillis, long packedCallsign) {
        head(o, IDENTIFICATION, icao, epochMillis);
        o.ch(',');
        callsign(o, packedCallsign);
        o.ascii(",,,,,,,,,,,\r\n");
    }

    static void position(ByteOut o, int icao, long epochMillis, int altitudeFt, double lat, double lon) {
        head(o, POSITION, icao, epochMillis);
        o.ascii(",,").integer(altitudeFt).ascii(",,,");
        o.fixed(lat, 5).ch(',').fixed(lon, 5);
        o.ascii(",,,0,0,0,0\r\n");
    }

    static void velocity(ByteOut o, int icao, long epochMillis, double groundspeedKt, double trackDeg, int vrFpm) {
        head(o, VELOCITY, icao, epochMillis);
        o.ascii(",,,")
                .fixed(groundspeedKt, 0)
                .ch(',')
                .fixed(trackDeg, 1)
                .ascii(",,,")
                .integer(vrFpm);
        o.ascii(",,,,,\r\n");
    }

    static void squawk(ByteOut o, int icao, long epochMillis, int squawk, boolean emergency) {
        head(o, SQUAWK, icao, epochMillis);
        o.ascii(",,,,,,,,")
                .squawk(squawk)
                .ascii(",0,")
                .ascii(emergency ? "-1" : "0")
                .ascii(",0,0\r\n");
    }

    private static void callsign(ByteOut o, long packed) {
        for (int shift = 42; shift >= 0; shift -= 6) {
            char c = Callsigns.charOf((int) (packed >>> shift) & 0x3F);
            if (c != ' ') o.ch(c); // readsb trims the padding
        }
    }

    /** yyyy/MM/dd,HH:mm:ss.SSS in UTC. */
    private static void dateTime(ByteOut o, long epochMillis) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        long ms = Math.floorMod(epochMillis, 86_400_000L);
        // civil from days (H. Hinnant)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        o.integer(y).ch('/');
        two(o, m);
        o.ch('/');
        two(o, d);
        o.ch(',');
        two(o, ms / 3_600_000);
        o.ch(':');
        two(o, ms / 60_000 % 60);
        o.ch(':');
        two(o, ms / 1000 % 60);
        o.ch('.');
        long f = ms % 1000;
        o.ch((char) ('0' + f / 100)).ch((char) ('0' + f / 10 % 10)).ch((char) ('0' + f % 10));
    }

    private static void two(ByteOut o, long v) {
        o.ch((char) ('0' + v / 10 % 10)).ch((char) ('0' + v % 10));
    }
}
