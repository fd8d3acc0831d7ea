package org.vigil.server.output.cot;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.vigil.codec.text.AsciiWriter;
import org.vigil.server.tracking.SystemTrackView;

/**
 * One system track as a Cursor-on-Target event (docs/INTEROP.md "Cursor-on-Target"), in XML (TAK
 * protocol version 0) or as a TAK protocol version 1 protobuf ({@code resources/tak/takmessage.proto},
 * written with protobuf-java's {@link CodedOutputStream}). Nothing is allocated per event: text is
 * written as ASCII into the caller's buffer, the protobuf through one reused stream over a reused sink.
 * Not thread-safe: one encoder per sending thread.
 *
 * <p>Mapping: uid {@code vigil-track-N}; type {@code a-<affiliation>-A} from the STANAG 1241 identity
 * ({@link #affiliation}); how {@code m-f} (machine, fused); time and start the track's data time, stale
 * that plus {@link #STALE_S} less the time it has been coasting (at least {@link #MIN_STALE_S});
 * point at the track's position, {@code ce} the 90 % circle of its position covariance
 * (2.146 σ), {@code hae}/{@code le} as the caller gives them; contact callsign the flight's callsign,
 * else the ICAO address, else {@code TN} and the track number; track speed (m/s) and course (° true);
 * remarks with track number, ICAO address, squawk, identity and sensors; the error ellipse of the
 * position covariance as TAK's {@code <shape><ellipse major minor angle/></shape>} (90 % semi-axes in
 * metres, angle clockwise with the major axis east-west at 0; in protobuf, in the detail's XML).
 */
public final class CotEncoder {
    /** A fresh track's CoT goes stale this long after its time. */
    public static final double STALE_S = 20;
    /** ... and never sooner than this. */
    public static final double MIN_STALE_S = 3;
    /** CoT's value for an unknown height or error. */
    public static final double UNKNOWN = 9_999_999;
    /** Largest event either form takes (a callsign of 8, remarks of a few dozen characters: far less). */
    public static final int MAX_EVENT = 2048;
    /**
     * Ratio of the 90 % circular error to the one-sigma error of a circular normal distribution, and of
     * the 90 % ellipse's semi-axes to the one-sigma ones (sqrt of chi-square 2 at 0.9).
     */
    static final double CE90_PER_SIGMA = 2.1460;

    static final String UID_PREFIX = "vigil-track-";

    private static final byte[] XML_HEAD =
            ascii("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<event version=\"2.0\" uid=\"");
    private static final byte[] HOW = ascii("m-f");
    // the event's constant text, as bytes once (the encode path copies them: no per-character work)
    private static final byte[] TYPE = ascii("\" type=\""), HOW_ATTR = ascii("\" how=\"");
    private static final byte[] TIME = ascii("\" time=\""), START = ascii("\" start=\""), STALE = ascii("\" stale=\"");
    private static final byte[] LAT = ascii("\"><point lat=\""), LON = ascii("\" lon=\""), HAE = ascii("\" hae=\"");
    private static final byte[] CE = ascii("\" ce=\""), LE = ascii("\" le=\"");
    private static final byte[] CONTACT = ascii("\"/><detail><contact callsign=\""),
            COURSE = ascii("\"/><track course=\"");
    private static final byte[] SPEED = ascii("\" speed=\""),
            TRACK_END = ascii("\"/>"),
            END = ascii("</detail></event>");
    private static final byte[] UID = ascii(UID_PREFIX), TN = ascii("TN");
    private static final byte[] REMARKS = ascii("<remarks>Vigil track "),
            ICAO = ascii("; ICAO "),
            SQUAWK = ascii("; squawk ");
    private static final byte[] IDENTITY = ascii("; identity "), NONE = ascii("none"), SENSORS = ascii("; sensors");
    private static final byte[] REMARKS_END = ascii("</remarks>"), MAJOR = ascii("<shape><ellipse major=\"");
    private static final byte[] MINOR = ascii("\" minor=\""),
            ANGLE = ascii("\" angle=\""),
            SHAPE_END = ascii("\"/></shape>");
    /** {@code a-<affiliation>-A} by affiliation letter. */
    private static final byte[][] TYPES = new byte[128][];

    static {
        for (char c : "puafnsh".toCharArray()) TYPES[c] = ascii("a-" + c + "-A");
    }

    private final AsciiWriter text = new AsciiWriter(512);
    private final AsciiWriter uid = new AsciiWriter(512);
    private final AsciiWriter type = new AsciiWriter(512);
    private final AsciiWriter callsign = new AsciiWriter(512);
    private final AsciiWriter remarks = new AsciiWriter(512);
    private final Sink sink = new Sink();
    private final CodedOutputStream proto = CodedOutputStream.newInstance(sink, MAX_EVENT);

    /**
     * The CoT type's affiliation of a Vigil identity: p pending, u unknown, a assumed friend, f
     * friend, n neutral, s suspect, h hostile; a track not identified is unknown.
     */
    public static char affiliation(String identity) {
        if (identity == null) return 'u';
        switch (identity) {
            case "pending":
                return 'p';
            case "assumed-friend":
                return 'a';
            case "friend":
                return 'f';
            case "neutral":
                return 'n';
            case "suspect":
                return 's';
            case "hostile":
                return 'h';
            default:
                return 'u';
        }
    }

    /** Seconds from the event's time to its stale time: {@link #STALE_S} less coasting, at least {@link #MIN_STALE_S}. */
    public static double staleSeconds(SystemTrackView t) {
        return Math.max(MIN_STALE_S, STALE_S - t.coastingS());
    }

    /**
     * Writes {@code t} as a CoT XML event (with the XML declaration and a newline before the event, as
     * TAK streams expect) at {@code off}.
     *
     * @param haeM height above the ellipsoid, metres, or NaN when unknown
     * @param leM  its one-sided 90 % error, metres (ignored when the height is unknown)
     * @return bytes written (at most {@link #MAX_EVENT})
     */
    public int xml(SystemTrackView t, double haeM, double leM, byte[] out, int off) {
        fields(t);
        return writeXml(t, haeM, leM, out, off);
    }

    /**
     * An open alert on track {@code t} as a CoT event at the track's position: uid {@code vigil-alert-ID},
     * type {@code b-a} (alert), callsign the alert's title, remarks its title, detail, rule and priority.
     */
    public int alertXml(
            long id, String title, String text, SystemTrackView t, double haeM, double leM, byte[] out, int off) {
        alertFields(id, title, text, t);
        return writeXml(t, haeM, leM, out, off);
    }

    /** {@link #alertXml} as a TAK protocol version 1 message. */
    public int alertProto(
            long id,
            String title,
            String text,
            SystemTrackView t,
            double haeM,
            double leM,
            boolean stream,
            byte[] out,
            int off) {
        alertFields(id, title, text, t);
        return writeProto(t, haeM, leM, stream, out, off);
    }

    private int writeXml(SystemTrackView t, double haeM, double leM, byte[] out, int off) {
        AsciiWriter x = text.reset(out, off);
        x.bytes(XML_HEAD).append(uid).bytes(TYPE).append(type).bytes(HOW_ATTR).bytes(HOW);
        long ms = t.timeMs();
        x.bytes(TIME).isoTime(ms);
        int at = x.position() - 24; // the same time again for start: its 24 characters copied
        x.bytes(START).bytes(out, at, 24);
        x.bytes(STALE).isoTime(staleMs(t)).bytes(LAT).fixed(t.lat(), 7);
        x.bytes(LON).fixed(t.lon(), 7).bytes(HAE).fixed(Double.isNaN(haeM) ? UNKNOWN : haeM, 1);
        x.bytes(CE).fixed(ce(t), 1).bytes(LE).fixed(Double.isNaN(haeM) ? UNKNOWN : leM, 1);
        x.bytes(CONTACT).append(callsign).bytes(COURSE);
        x.fixed(t.trackDeg(), 2).bytes(SPEED).fixed(speedMps(t), 2).bytes(TRACK_END);
        x.append(remarks).bytes(END);
        return x.position() - off;
    }

    /**
     * Writes {@code t} as a TAK protocol version 1 message at {@code off}: with {@code stream} the
     * streaming framing (0xbf, varint length, message) of TCP/TLS connections, else the mesh header
     * (0xbf 0x01 0xbf) of UDP datagrams.
     *
     * @return bytes written (at most {@link #MAX_EVENT})
     */
    public int proto(SystemTrackView t, double haeM, double leM, boolean stream, byte[] out, int off) {
        fields(t);
        return writeProto(t, haeM, leM, stream, out, off);
    }

    private int writeProto(SystemTrackView t, double haeM, double leM, boolean stream, byte[] out, int off) {
        long ms = t.timeMs();
        double hae = Double.isNaN(haeM) ? UNKNOWN : haeM;
        double le = Double.isNaN(haeM) ? UNKNOWN : leM;
        double speed = speedMps(t);
        int contact = CodedOutputStream.computeTagSize(2) + lengthDelimited(callsign.position());
        int track =
                CodedOutputStream.computeDoubleSize(1, speed) + CodedOutputStream.computeDoubleSize(2, t.trackDeg());
        int detail = CodedOutputStream.computeTagSize(1)
                + lengthDelimited(remarks.position())
                + CodedOutputStream.computeTagSize(2)
                + lengthDelimited(contact)
                + CodedOutputStream.computeTagSize(7)
                + lengthDelimited(track);
        int event = CodedOutputStream.computeTagSize(1)
                + lengthDelimited(type.position())
                + CodedOutputStream.computeTagSize(5)
                + lengthDelimited(uid.position())
                + CodedOutputStream.computeUInt64Size(6, ms)
                + CodedOutputStream.computeUInt64Size(7, ms)
                + CodedOutputStream.computeUInt64Size(8, staleMs(t))
                + CodedOutputStream.computeTagSize(9)
                + lengthDelimited(HOW.length)
                + 5 * CodedOutputStream.computeDoubleSize(10, 0)
                + CodedOutputStream.computeTagSize(15)
                + lengthDelimited(detail);
        int message = CodedOutputStream.computeTagSize(2) + lengthDelimited(event);
        sink.reset(out, off);
        try {
            proto.write((byte) 0xbf);
            if (stream) {
                proto.writeUInt32NoTag(message);
            } else {
                proto.write((byte) 0x01);
                proto.write((byte) 0xbf);
            }
            proto.writeTag(2, 2);
            proto.writeUInt32NoTag(event);
            bytesField(1, type);
            bytesField(5, uid);
            proto.writeUInt64(6, ms);
            proto.writeUInt64(7, ms);
            proto.writeUInt64(8, staleMs(t));
            proto.writeByteArray(9, HOW, 0, HOW.length);
            proto.writeDouble(10, t.lat());
            proto.writeDouble(11, t.lon());
            proto.writeDouble(12, hae);
            proto.writeDouble(13, ce(t));
            proto.writeDouble(14, le);
            proto.writeTag(15, 2);
            proto.writeUInt32NoTag(detail);
            bytesField(1, remarks);
            proto.writeTag(2, 2);
            proto.writeUInt32NoTag(contact);
            bytesField(2, callsign);
            proto.writeTag(7, 2);
            proto.writeUInt32NoTag(track);
            proto.writeDouble(1, speed);
            proto.writeDouble(2, t.trackDeg());
            proto.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink is an array: only a programming error gets here
        }
        return sink.pos - off;
    }

    /** uid, type, callsign and remarks of {@code t}, as ASCII in this encoder's scratch buffers. */
    private void fields(SystemTrackView t) {
        uid.reset().bytes(UID).integer(t.trackNumber());
        type.reset().bytes(TYPES[affiliation(t.identity())]);
        callsign.reset();
        if (t.callsign() != null) callsign.escaped(t.callsign());
        else if (t.icao() != null) callsign.ascii(t.icao());
        else callsign.bytes(TN).integer(t.trackNumber());
        remarks.reset().bytes(REMARKS).integer(t.trackNumber());
        if (t.icao() != null) remarks.bytes(ICAO).ascii(t.icao());
        if (t.squawk() != null) remarks.bytes(SQUAWK).ascii(t.squawk());
        remarks.bytes(IDENTITY);
        if (t.identity() == null) remarks.bytes(NONE);
        else remarks.ascii(t.identity());
        remarks.bytes(SENSORS);
        for (int i = 0; i < t.sensors().size(); i++)
            remarks.ch(' ').escaped(t.sensors().get(i));
        remarks.bytes(REMARKS_END);
        // TAK's ellipse (as its drawing tools and @tak-ps/node-cot read it): semi-axes in metres, the
        // major one east-west at angle 0, angle clockwise in degrees; here the 90 % ellipse
        double angle = (t.errorAxisDeg() + 90) % 180;
        remarks.bytes(MAJOR).fixed(t.errorMajorM() * CE90_PER_SIGMA, 1);
        remarks.bytes(MINOR).fixed(t.errorMinorM() * CE90_PER_SIGMA, 1);
        remarks.bytes(ANGLE).fixed(angle, 1).bytes(SHAPE_END);
    }

    private void alertFields(long id, String title, String text, SystemTrackView t) {
        uid.reset().ascii("vigil-alert-").integer(id);
        type.reset().ascii("b-a");
        title = clip(title);
        callsign.reset().escaped(title);
        remarks.reset().ascii("<remarks>").escaped(title);
        if (text != null) remarks.ascii(": ").escaped(clip(text));
        remarks.ascii(" (Vigil track ").integer(t.trackNumber()).ascii(")</remarks>");
    }

    /** Alert texts are short; a long one is cut so the event stays within its buffers. */
    private static String clip(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160);
    }

    private void bytesField(int field, AsciiWriter a) throws IOException {
        proto.writeByteArray(field, a.array(), 0, a.position());
    }

    private static int lengthDelimited(int n) {
        return CodedOutputStream.computeUInt32SizeNoTag(n) + n;
    }

    static double ce(SystemTrackView t) {
        return t.positionSigmaM() * CE90_PER_SIGMA;
    }

    static double speedMps(SystemTrackView t) {
        return t.speedKt() * org.vigil.core.geo.Units.KT;
    }

    static long staleMs(SystemTrackView t) {
        return t.timeMs() + Math.round(staleSeconds(t) * 1000);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The array the protobuf stream flushes into: the caller's buffer, reset per event. */
    private static final class Sink extends OutputStream {
        byte[] buf;
        int pos;

        void reset(byte[] b, int off) {
            buf = b;
            pos = off;
        }

        @Override
        public void write(int b) {
            buf[pos++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, buf, pos, len);
            pos += len;
        }
    }
}
