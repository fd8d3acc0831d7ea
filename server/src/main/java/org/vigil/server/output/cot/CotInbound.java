package org.vigil.server.output.cot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.javalin.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.server.auth.Role;
import org.vigil.server.output.net.StreamServer;
import org.vigil.server.web.WebServer;

/**
 * Cursor-on-Target received from TAK (docs/INTEROP.md "Inbound CoT"): friendly positions and markers
 * sent by TAK clients on Vigil's CoT connections, by the TAK server Vigil connects to, and on the SA
 * mesh (UDP). Both forms are read: XML events (TAK protocol 0) and TAK protocol version 1 messages
 * (streaming framing 0xbf, varint length; mesh header 0xbf 0x01 0xbf). Each event is kept by its uid
 * until its stale time and served at {@code GET /api/tak} as GeoJSON (the console's TAK layer). This
 * is the rim: the wall clock judges staleness, and nothing here enters the picture.
 *
 * <p>Bad input is counted per reason ({@link Reason}) and logged (the first of each reason, then every
 * 1000th): XML that does not parse, a protobuf that does not, an event without uid, type, point or
 * times, a message longer than {@link #MAX_MESSAGE} bytes. TAK control messages ({@code t-x-...}: ping,
 * protocol negotiation) are counted as control and not kept; Vigil's own events ({@code vigil-...},
 * heard back on the multicast group) are not kept either.
 */
public final class CotInbound {
    /** The longest message read; longer is rejected and the connection's buffer emptied. */
    public static final int MAX_MESSAGE = 64 * 1024;
    /** The most events kept; beyond, new uids are rejected ({@link Reason#FULL}) until some go stale. */
    public static final int MAX_EVENTS = 10_000;

    /** Why an inbound message was rejected. */
    public enum Reason {
        BAD_XML,
        BAD_PROTO,
        BAD_EVENT,
        TOO_LONG,
        FULL;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One event as received. */
    public record Event(
            String uid,
            String type,
            String how,
            String callsign,
            String remarks,
            double lat,
            double lon,
            double hae,
            double ce,
            long timeMs,
            long staleMs,
            String source) {}

    private static final Logger LOG = LoggerFactory.getLogger(CotInbound.class);
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // no DTDs, no external entities: the bytes come from the network
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final LongSupplier clock;
    private final Map<String, Event> events = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder control = new LongAdder();
    private final EnumMap<Reason, LongAdder> rejects = new EnumMap<>(Reason.class);

    /** @param clock epoch milliseconds (the wall clock live; a test's own) */
    public CotInbound(LongSupplier clock) {
        this.clock = clock;
        for (Reason r : Reason.values()) rejects.put(r, new LongAdder());
    }

    /** Events accepted (kept or updated). */
    public long accepted() {
        return accepted.sum();
    }

    /** TAK control messages received (not kept). */
    public long control() {
        return control.sum();
    }

    public long rejected(Reason r) {
        return rejects.get(r).sum();
    }

    public long rejectedTotal() {
        long n = 0;
        for (LongAdder a : rejects.values()) n += a.sum();
        return n;
    }

    /** The events not stale now, oldest first. */
    public List<Event> current() {
        long now = clock.getAsLong();
        events.values().removeIf(e -> e.staleMs() <= now);
        List<Event> out = new ArrayList<>(events.values());
        out.sort(Comparator.comparingLong(Event::timeMs).thenComparing(Event::uid));
        return out;
    }

    /** {@code GET /api/tak}: the current events as GeoJSON, for observers and up. */
    public void registerRoutes(WebServer web) {
        web.routes(app -> app.get(
                "/api/tak", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(geoJson()), Role.OBSERVER));
    }

    /** A FeatureCollection of the current events (points) with the counters as a foreign member. */
    public String geoJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Event e : current()) {
            ObjectNode f = features.addObject().put("type", "Feature").put("id", e.uid());
            f.putObject("geometry")
                    .put("type", "Point")
                    .putArray("coordinates")
                    .add(e.lon())
                    .add(e.lat());
            ObjectNode p = f.putObject("properties");
            p.put("uid", e.uid()).put("type", e.type()).put("how", e.how());
            p.put("callsign", e.callsign()).put("remarks", e.remarks());
            if (e.hae() < CotEncoder.UNKNOWN) p.put("hae", e.hae());
            p.put("time", Instant.ofEpochMilli(e.timeMs()).toString());
            p.put("stale", Instant.ofEpochMilli(e.staleMs()).toString());
            p.put("source", e.source());
        }
        ObjectNode c = root.putObject("counters").put("accepted", accepted()).put("control", control());
        ObjectNode r = c.putObject("rejected");
        for (Reason reason : Reason.values()) r.put(reason.key(), rejected(reason));
        return root.toString();
    }

    /** A framer for one stream connection: XML events one after another, or TAK protocol v1 streaming. */
    public StreamServer.Receiver connection(String source) {
        return new Framer(source);
    }

    /** A factory of {@link #connection}s, for {@link StreamServer#receive}. */
    public StreamServer.ReceiverFactory connections(String name) {
        return peer -> connection(name + " " + peer);
    }

    /** One UDP datagram: one XML event, or the mesh header 0xbf 0x01 0xbf and a TAK message. */
    public void datagram(byte[] b, int off, int len, String source) {
        if (len >= 3 && (b[off] & 0xff) == 0xbf && b[off + 1] == 1 && (b[off + 2] & 0xff) == 0xbf) {
            proto(b, off + 3, len - 3, source);
        } else {
            xml(b, off, len, source);
        }
    }

    private final class Framer implements StreamServer.Receiver {
        private final String source;
        private final byte[] buf = new byte[MAX_MESSAGE];
        private int n;

        Framer(String source) {
            this.source = source;
        }

        @Override
        public void received(byte[] b, int off, int len) {
            while (len > 0) {
                int take = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, take);
                n += take;
                off += take;
                len -= take;
                drain();
                if (n == buf.length) {
                    reject(Reason.TOO_LONG, source, "a message over " + MAX_MESSAGE + " bytes");
                    n = 0;
                }
            }
        }

        /** Takes every complete message off the front of the buffer. */
        private void drain() {
            while (true) {
                int s = 0;
                while (s < n && (buf[s] == '\n' || buf[s] == '\r' || buf[s] == ' ' || buf[s] == '\t' || buf[s] == 0))
                    s++;
                if (s == n) {
                    n = 0;
                    return;
                }
                if (buf[s] != '<' && (buf[s] & 0xff) != 0xbf) {
                    // bytes outside any message (after a rejected one): skip to the next one's start
                    int k = s;
                    while (k < n && buf[k] != '<' && (buf[k] & 0xff) != 0xbf) k++;
                    reject(Reason.BAD_XML, source, (k - s) + " bytes outside an event");
                    System.arraycopy(buf, k, buf, 0, n - k);
                    n -= k;
                    continue;
                }
                int end;
                if ((buf[s] & 0xff) == 0xbf) {
                    int len = 0, shift = 0, i = s + 1;
                    while (true) {
                        if (i >= n) { // the length is not complete yet
                            consumed(s);
                            return;
                        }
                        int v = buf[i++] & 0xff;
                        len |= (v & 0x7f) << shift;
                        shift += 7;
                        if ((v & 0x80) == 0) break;
                        if (shift > 28) {
                            reject(Reason.BAD_PROTO, source, "bad length");
                            n = 0;
                            return;
                        }
                    }
                    if (len > MAX_MESSAGE || len < 0) {
                        reject(Reason.TOO_LONG, source, len + " bytes");
                        n = 0;
                        return;
                    }
                    if (i + len > n) {
                        consumed(s);
                        return;
                    }
                    proto(buf, i, len, source);
                    end = i + len;
                } else {
                    int close = indexOf(buf, s, n, END_EVENT);
                    if (close < 0) {
                        consumed(s);
                        return;
                    }
                    end = close + END_EVENT.length;
                    xml(buf, s, end - s, source);
                }
                System.arraycopy(buf, end, buf, 0, n - end);
                n -= end;
            }
        }

        /** Drops the {@code s} bytes of padding before an incomplete message. */
        private void consumed(int s) {
            if (s > 0) {
                System.arraycopy(buf, s, buf, 0, n - s);
                n -= s;
            }
        }
    }

    private static final byte[] END_EVENT = "</event>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        outer:
        for (int i = from; i <= to - what.length; i++) {
            for (int j = 0; j < what.length; j++) if (b[i + j] != what[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** An XML event. */
    void xml(byte[] b, int off, int len, String source) {
        String uid = null, type = null, how = null, time = null, stale = null, callsign = null, remarks = null;
        double lat = Double.NaN, lon = Double.NaN, hae = CotEncoder.UNKNOWN, ce = CotEncoder.UNKNOWN;
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(b, off, len));
            try {
                while (r.hasNext()) {
                    if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                    switch (r.getLocalName()) {
                        case "event" -> {
                            uid = r.getAttributeValue(null, "uid");
                            type = r.getAttributeValue(null, "type");
                            how = r.getAttributeValue(null, "how");
                            time = r.getAttributeValue(null, "time");
                            stale = r.getAttributeValue(null, "stale");
                        }
                        case "point" -> {
                            lat = number(r.getAttributeValue(null, "lat"));
                            lon = number(r.getAttributeValue(null, "lon"));
                            hae = number(r.getAttributeValue(null, "hae"));
                            ce = number(r.getAttributeValue(null, "ce"));
                        }
                        case "contact" -> callsign = r.getAttributeValue(null, "callsign");
                        case "remarks" -> remarks = r.getElementText();
                        default -> {}
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            reject(Reason.BAD_XML, source, e.getMessage());
            return;
        }
        long timeMs, staleMs;
        try {
            timeMs = time == null ? Long.MIN_VALUE : Instant.parse(time).toEpochMilli();
            staleMs = stale == null ? Long.MIN_VALUE : Instant.parse(stale).toEpochMilli();
        } catch (DateTimeParseException e) {
            reject(Reason.BAD_EVENT, source, "bad time: " + e.getParsedString());
            return;
        }
        keep(new Event(uid, type, how, callsign, remarks, lat, lon, hae, ce, timeMs, staleMs, source));
    }

    private static double number(String s) {
        if (s == null) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A TakMessage (takmessage.proto): its cotEvent (field 2); takControl (field 1) is not needed. */
    void proto(byte[] b, int off, int len, String source) {
        String uid = null, type = null, how = null, callsign = null, remarks = null;
        double lat = Double.NaN, lon = Double.NaN, hae = CotEncoder.UNKNOWN, ce = CotEncoder.UNKNOWN;
        long timeMs = Long.MIN_VALUE, staleMs = Long.MIN_VALUE;
        try {
            CodedInputStream in = CodedInputStream.newInstance(b, off, len);
            boolean event = false;
            int tag;
            while ((tag = in.readTag()) != 0) {
                if (WireFormat.getTagFieldNumber(tag) == 2
                        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    event = true;
                    int limit = in.pushLimit(in.readRawVarint32());
                    while ((tag = in.readTag()) != 0) {
                        switch (WireFormat.getTagFieldNumber(tag)) {
                            case 1 -> type = in.readString();
                            case 5 -> uid = in.readString();
                            case 6 -> timeMs = in.readUInt64();
                            case 8 -> staleMs = in.readUInt64();
                            case 9 -> how = in.readString();
                            case 10 -> lat = in.readDouble();
                            case 11 -> lon = in.readDouble();
                            case 12 -> hae = in.readDouble();
                            case 13 -> ce = in.readDouble();
                            case 15 -> {
                                int d = in.pushLimit(in.readRawVarint32());
                                while ((tag = in.readTag()) != 0) {
                                    if (WireFormat.getTagFieldNumber(tag) == 1) remarks = remarksOf(in.readString());
                                    else if (WireFormat.getTagFieldNumber(tag) == 2) callsign = contact(in);
                                    else in.skipField(tag);
                                }
                                in.popLimit(d);
                            }
                            default -> in.skipField(tag);
                        }
                    }
                    in.popLimit(limit);
                } else {
                    in.skipField(tag);
                }
            }
            if (!event) {
                control.increment(); // a TakControl alone
                return;
            }
        } catch (IOException | RuntimeException e) {
            reject(Reason.BAD_PROTO, source, e.getMessage());
            return;
        }
        keep(new Event(uid, type, how, callsign, remarks, lat, lon, hae, ce, timeMs, staleMs, source));
    }

    /** Contact (field 2 of Detail): its callsign (field 2). */
    private static String contact(CodedInputStream in) throws IOException {
        String callsign = null;
        int limit = in.pushLimit(in.readRawVarint32());
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (WireFormat.getTagFieldNumber(tag) == 2) callsign = in.readString();
            else in.skipField(tag);
        }
        in.popLimit(limit);
        return callsign;
    }

    /** The text of the {@code <remarks>} element in a detail's XML, or null. */
    private static String remarksOf(String xmlDetail) {
        int a = xmlDetail.indexOf("<remarks");
        if (a < 0) return null;
        int gt = xmlDetail.indexOf('>', a), end = xmlDetail.indexOf("</remarks>", a);
        if (gt < 0 || end < gt) return null;
        return xmlDetail.substring(gt + 1, end);
    }

    private void keep(Event e) {
        String uid = e.uid(), type = e.type();
        if (type != null && type.startsWith("t-x-")) {
            control.increment(); // ping, protocol negotiation, delete
            return;
        }
        if (uid == null
                || uid.isEmpty()
                || uid.length() > 256
                || type == null
                || type.isEmpty()
                || !(e.lat() >= -90 && e.lat() <= 90)
                || !(e.lon() >= -180 && e.lon() <= 180)
                || e.timeMs() == Long.MIN_VALUE
                || e.staleMs() == Long.MIN_VALUE) {
            reject(Reason.BAD_EVENT, e.source(), "missing or bad uid, type, point or times (uid " + uid + ")");
            return;
        }
        if (uid.startsWith("vigil-")) return; // our own, heard back
        if (!events.containsKey(uid) && events.size() >= MAX_EVENTS) {
            current(); // drop the stale ones
            if (events.size() >= MAX_EVENTS) {
                reject(Reason.FULL, e.source(), MAX_EVENTS + " events kept");
                return;
            }
        }
        boolean plain = e.callsign() != null && !Double.isNaN(e.hae()) && !Double.isNaN(e.ce());
        events.put(
                uid,
                plain
                        ? e
                        : new Event(
                                uid,
                                type,
                                e.how(),
                                e.callsign() == null ? uid : e.callsign(),
                                e.remarks(),
                                e.lat(),
                                e.lon(),
                                Double.isNaN(e.hae()) ? CotEncoder.UNKNOWN : e.hae(),
                                Double.isNaN(e.ce()) ? CotEncoder.UNKNOWN : e.ce(),
                                e.timeMs(),
                                e.staleMs(),
                                e.source()));
        accepted.increment();
    }

    private void reject(Reason r, String source, String why) {
        rejects.get(r).increment();
        long n = rejects.get(r).sum();
        if (n == 1 || n % 1000 == 0) LOG.warn("CoT inbound from {}: {} ({}; {} so far)", source, r.key(), why, n);
    }
}
