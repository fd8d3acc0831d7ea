package org.vigil.codec.feed;

import org.vigil.codec.text.AsciiWriter;
import org.vigil.core.Callsigns;

/**
 * SBS-1 BaseStation lines (port 30003) as readsb writes them, the counterpart of {@link SbsParser}:
 * MSG,1 identification, MSG,3 airborne position, MSG,4 velocity, MSG,6 squawk; 22 fields, CR LF,
 * generated and logged times the same (UTC, millisecond), coordinates to 5 decimals (readsb's
 * {@code %1.5f}), ground speed to whole knots and track to 0.1°. Written into an {@link AsciiWriter},
 * nothing allocated per line. Used by the simulator's SBS output and by the SBS re-serving of Vigil's
 * picture; an address not an ICAO one (a radar-only track) carries readsb's {@code ~} mark.
 */
public final class SbsWriter {
    public static final int IDENTIFICATION = 1, POSITION = 3, VELOCITY = 4, SQUAWK = 6;
    /** An integer field not known (altitude, vertical rate): written empty. */
    public static final int ABSENT = Integer.MIN_VALUE;

    private SbsWriter() {}

    /** Fields 0..9: type, ids, generated and logged date and time. */
    private static void head(AsciiWriter o, int type, int address, boolean nonIcao, long epochMillis) {
        o.ascii("MSG,").integer(type).ascii(",1,1,");
        if (nonIcao) o.ch('~');
        o.hex24(address).ascii(",1,");
        o.dateTime(epochMillis, '/', ',').ch(',').dateTime(epochMillis, '/', ',');
    }

    public static void identification(
            AsciiWriter o, int address, boolean nonIcao, long epochMillis, long packedCallsign) {
        head(o, IDENTIFICATION, address, nonIcao, epochMillis);
        o.ch(',');
        for (int shift = 42; shift >= 0; shift -= 6) {
            char c = Callsigns.charOf((int) (packedCallsign >>> shift) & 0x3F);
            if (c != ' ') o.ch(c); // readsb trims the padding
        }
        o.ascii(",,,,,,,,,,,\r\n");
    }

    /** @param altitudeFt barometric altitude or {@link #ABSENT} */
    public static void position(
            AsciiWriter o, int address, boolean nonIcao, long epochMillis, int altitudeFt, double lat, double lon) {
        head(o, POSITION, address, nonIcao, epochMillis);
        o.ascii(",,");
        if (altitudeFt != ABSENT) o.integer(altitudeFt);
        o.ascii(",,,").fixed(lat, 5).ch(',').fixed(lon, 5);
        o.ascii(",,,0,0,0,0\r\n");
    }

    /** @param vrFpm vertical rate or {@link #ABSENT} */
    public static void velocity(
            AsciiWriter o,
            int address,
            boolean nonIcao,
            long epochMillis,
            double groundspeedKt,
            double trackDeg,
            int vrFpm) {
        head(o, VELOCITY, address, nonIcao, epochMillis);
        o.ascii(",,,").fixed(groundspeedKt, 0).ch(',').fixed(trackDeg, 1).ascii(",,,");
        if (vrFpm != ABSENT) o.integer(vrFpm);
        o.ascii(",,,,,\r\n");
    }

    /** @param squawk the four octal digits held as a decimal number (7600) */
    public static void squawk(
            AsciiWriter o, int address, boolean nonIcao, long epochMillis, int squawk, boolean emergency) {
        head(o, SQUAWK, address, nonIcao, epochMillis);
        o.ascii(",,,,,,,,")
                .digits(squawk, 4)
                .ascii(",0,")
                .ascii(emergency ? "-1" : "0")
                .ascii(",0,0\r\n");
    }
}
