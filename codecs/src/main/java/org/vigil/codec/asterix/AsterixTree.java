package org.vigil.codec.asterix;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vigil.core.Callsigns;

/**
 * Generic, spec-driven conversion between records and value trees (maps, lists, Long, Double,
 * String) in the conventions of the {@code *.asterix-specs.json} fixtures: quantities are
 * {@code raw * LSB} in the spec's unit (Double); tables, integers and raw fields under 24 bits are
 * Long; raw fields of 24 bits or more are upper-case hex; octal codes are digit strings; ICAO
 * callsigns keep trailing spaces; spares and FX bits are left out; RE is {@code {REF:…, _len}}
 * and SP {@code {hex, _len}}; an item that is a single element is its bare value.
 * This path allocates and is meant for tools, JSON output, tests and the generic encoder; the
 * hot path uses {@link AsterixRecord} and the typed views.
 */
public final class AsterixTree {
    private AsterixTree() {}

    // ------------------------------------------------------------------ decoding

    /** The record as a tree: {@code FSPEC} (hex) then each present item by key ("I048/040"). */
    public static Map<String, Object> decode(AsterixRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("FSPEC", hex(r.buffer(), r.start(), r.fspecLength()));
        CategorySpec spec = r.spec();
        for (int i = 0; i < spec.uapSize(); i++) {
            if (!r.has(i)) continue;
            ItemSpec item = spec.uapItem(i);
            out.put(item.key, decodeItem(spec, item, r.buffer(), r.offset(i), r.length(i)));
        }
        return out;
    }

    /** One item's value tree from its {@code len} octets at {@code off}. */
    public static Object decodeItem(CategorySpec spec, ItemSpec item, byte[] b, int off, int len) {
        if (item.variation instanceof Explicit e) {
            Map<String, Object> m = new LinkedHashMap<>();
            Compound ref = e.reservedExpansion ? spec.expansion : null;
            if (ref != null && ref.length(b, off + 1, off + len) == len - 1) {
                m.put("REF", decode(ref, b, off + 1, len - 1));
            } else {
                m.put("hex", hex(b, off + 1, len - 1));
            }
            m.put("_len", (long) len);
            return m;
        }
        return decode(item.variation, b, off, len);
    }

    static Object decode(Variation v, byte[] b, int off, int len) {
        if (v instanceof Element e) return element(e, b, off, 0, null);
        if (v instanceof Group g) return group(g, b, off, 0);
        if (v instanceof Extended x) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Long> raw = new HashMap<>();
            for (Field f : x.fields) {
                if (f.isSpare() || f.bitOffset / 8 >= len) continue;
                m.put(f.name, field(f, b, off, 0, raw));
            }
            return m;
        }
        if (v instanceof Repetitive rep) {
            List<Object> list = new ArrayList<>();
            int n = rep.count(b, off, len);
            int p = off + rep.repOctets;
            for (int i = 0; i < n; i++, p += rep.elementOctets) list.add(decodeFixed(rep.element, b, p));
            return list;
        }
        if (v instanceof Compound c) {
            Map<String, Object> m = new LinkedHashMap<>();
            int pl = c.primaryLength(b, off, off + len);
            int p = off + pl;
            for (int s = 0; s < c.names.size(); s++) {
                if (!c.present(b, off, pl, s)) continue;
                Variation sub = c.subfields.get(s);
                int n = sub.length(b, p, off + len);
                m.put(c.names.get(s), decode(sub, b, p, n));
                p += n;
            }
            return m;
        }
        if (v instanceof Explicit) return Map.of("hex", hex(b, off + 1, len - 1), "_len", (long) len);
        throw new IllegalStateException("unknown variation " + v);
    }

    private static Object decodeFixed(Variation v, byte[] b, int off) {
        if (v instanceof Element e) return element(e, b, off, 0, null);
        return group((Group) v, b, off, 0);
    }

    private static Map<String, Object> group(Group g, byte[] b, int off, int bit) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Long> raw = new HashMap<>();
        for (Field f : g.fields) {
            if (f.isSpare()) continue;
            m.put(f.name, field(f, b, off, bit, raw));
        }
        return m;
    }

    private static Object field(Field f, byte[] b, int off, int bit, Map<String, Long> raw) {
        if (f.variation instanceof Element e) {
            raw.put(f.name, Bits.read(b, off, bit + f.bitOffset, e.bits));
            return element(e, b, off, bit + f.bitOffset, raw);
        }
        return group((Group) f.variation, b, off, bit + f.bitOffset);
    }

    private static Object element(Element e, byte[] b, int off, int bit, Map<String, Long> siblings) {
        Content c = e.content;
        if (c instanceof Content.Case k) {
            Long sel = siblings == null ? null : siblings.get(k.selector);
            c = sel == null ? k.otherwise : k.select(sel);
        }
        return value(c, e.bits, b, off, bit);
    }

    static Object value(Content c, int bits, byte[] b, int off, int bit) {
        if (c instanceof Content.Quantity q) {
            long raw = q.signed ? Bits.readSigned(b, off, bit, bits) : Bits.read(b, off, bit, bits);
            return q.value(raw);
        }
        if (c instanceof Content.Int i) {
            return i.signed ? Bits.readSigned(b, off, bit, bits) : Bits.read(b, off, bit, bits);
        }
        if (c instanceof Content.Table) return Bits.read(b, off, bit, bits);
        if (c instanceof Content.Str s) {
            int per = s.bitsPerChar();
            StringBuilder sb = new StringBuilder(bits / per);
            for (int i = 0; i + per <= bits; i += per) {
                int ch = (int) Bits.read(b, off, bit + i, per);
                switch (s.kind) {
                    case OCTAL -> sb.append((char) ('0' + ch));
                    case ICAO -> sb.append(icaoChar(ch));
                    case ASCII -> sb.append((char) ch);
                }
            }
            return sb.toString();
        }
        // raw and bds
        long raw = Bits.read(b, off, bit, bits);
        if (bits < 24) return raw;
        String h = Long.toHexString(raw).toUpperCase(Locale.ROOT);
        int digits = (bits + 3) / 4;
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    /** Upper-case hex of {@code len} octets. */
    public static String hex(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            sb.append(Character.toUpperCase(Character.forDigit((b[off + i] >> 4) & 15, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(b[off + i] & 15, 16)));
        }
        return sb.toString();
    }

    static byte[] unhex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    // ------------------------------------------------------------------ encoding

    /**
     * Encodes one record (FSPEC computed, minimal) from a tree shaped like {@link #decode}'s output;
     * keys that are not items of the category ("FSPEC", "cat") are ignored.
     * @throws IllegalArgumentException when a value does not fit its element or has the wrong shape
     */
    public static byte[] encodeRecord(CategorySpec spec, Map<String, ?> record) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        int last = -1;
        boolean[] present = new boolean[spec.uapSize()];
        for (int i = 0; i < spec.uapSize(); i++) {
            ItemSpec item = spec.uapItem(i);
            if (item == null || !record.containsKey(item.key)) continue;
            present[i] = true;
            last = i;
            items.writeBytes(encodeItem(spec, item, record.get(item.key)));
        }
        if (last < 0) throw new IllegalArgumentException("record without items");
        int fspecLen = last / 7 + 1;
        byte[] out = new byte[fspecLen + items.size()];
        for (int i = 0; i <= last; i++) if (present[i]) out[i / 7] |= (byte) (0x80 >>> (i % 7));
        for (int o = 0; o < fspecLen - 1; o++) out[o] |= 1;
        System.arraycopy(items.toByteArray(), 0, out, fspecLen, items.size());
        return out;
    }

    /** A data block (CAT, LEN, records). */
    public static byte[] encodeBlock(CategorySpec spec, List<? extends Map<String, ?>> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map<String, ?> r : records) body.writeBytes(encodeRecord(spec, r));
        int len = body.size() + 3;
        if (len > 0xFFFF) throw new IllegalArgumentException("block longer than 65535 octets");
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        out.write(spec.category);
        out.write(len >> 8);
        out.write(len);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    public static byte[] encodeItem(CategorySpec spec, ItemSpec item, Object value) {
        if (item.variation instanceof Explicit) {
            Map<?, ?> m = (Map<?, ?>) value;
            byte[] content;
            if (m.containsKey("REF")) {
                if (spec.expansion == null) throw new IllegalArgumentException(item.key + ": no REF spec loaded");
                content = encode(spec.expansion, m.get("REF"));
            } else {
                content = unhex((String) m.get("hex"));
            }
            if (content.length + 1 > 255) throw new IllegalArgumentException(item.key + " longer than 255 octets");
            byte[] out = new byte[content.length + 1];
            out[0] = (byte) out.length;
            System.arraycopy(content, 0, out, 1, content.length);
            return out;
        }
        return encode(item.variation, value);
    }

    static byte[] encode(Variation v, Object value) {
        if (v instanceof Element || v instanceof Group) {
            byte[] out = new byte[v.bitSize() / 8];
            writeFixed(v, value, out, 0, 0, null, null);
            return out;
        }
        if (v instanceof Extended x) {
            Map<?, ?> m = (Map<?, ?>) value;
            int octets = x.octetsFor(0);
            for (Field f : x.fields)
                if (!f.isSpare() && m.containsKey(f.name)) octets = Math.max(octets, x.octetsFor(f.bitOffset));
            byte[] out = new byte[octets];
            Map<String, Long> raw = new HashMap<>();
            for (Field f : x.fields) {
                if (f.isSpare() || f.bitOffset / 8 >= octets) continue;
                Object fv = m.get(f.name);
                if (fv == null) fv = zero(f.variation);
                writeFixed(f.variation, fv, out, 0, f.bitOffset, raw, f.name);
            }
            for (int o = 0; o < octets - 1; o++) if (x.endsPart(o)) out[o] |= 1;
            return out;
        }
        if (v instanceof Repetitive rep) {
            List<?> list = (List<?>) value;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (rep.fx()) {
                if (list.isEmpty()) throw new IllegalArgumentException("repetitive fx needs at least one element");
            } else {
                long max = (1L << (8 * rep.repOctets)) - 1;
                if (list.size() > max) throw new IllegalArgumentException("too many repetitions: " + list.size());
                for (int i = rep.repOctets - 1; i >= 0; i--) out.write((int) (list.size() >>> (8 * i)));
            }
            for (int i = 0; i < list.size(); i++) {
                byte[] e = new byte[rep.elementOctets];
                writeFixed(rep.element, list.get(i), e, 0, 0, null, null);
                if (rep.fx() && i < list.size() - 1) e[e.length - 1] |= 1;
                out.writeBytes(e);
            }
            return out.toByteArray();
        }
        if (v instanceof Compound c) {
            Map<?, ?> m = (Map<?, ?>) value;
            int per = c.slotsPerOctet();
            int lastSlot = -1;
            ByteArrayOutputStream subs = new ByteArrayOutputStream();
            boolean[] present = new boolean[c.names.size()];
            for (int s = 0; s < c.names.size(); s++) {
                String name = c.names.get(s);
                if (name == null || !m.containsKey(name)) continue;
                present[s] = true;
                lastSlot = s;
                subs.writeBytes(encode(c.subfields.get(s), m.get(name)));
            }
            for (Object k : m.keySet()) {
                if (c.slot(String.valueOf(k)) < 0) throw new IllegalArgumentException("unknown subfield " + k);
            }
            int pl = c.fixedOctets > 0 ? c.fixedOctets : Math.max(1, lastSlot / per + 1);
            byte[] out = new byte[pl + subs.size()];
            for (int s = 0; s <= lastSlot; s++) if (present[s]) out[s / per] |= (byte) (0x80 >>> (s % per));
            if (c.fixedOctets == 0) for (int o = 0; o < pl - 1; o++) out[o] |= 1;
            System.arraycopy(subs.toByteArray(), 0, out, pl, subs.size());
            return out;
        }
        if (v instanceof Explicit) {
            byte[] content = unhex((String) ((Map<?, ?>) value).get("hex"));
            byte[] out = new byte[content.length + 1];
            out[0] = (byte) out.length;
            System.arraycopy(content, 0, out, 1, content.length);
            return out;
        }
        throw new IllegalStateException("unknown variation " + v);
    }

    /** A value that encodes as all-zero bits (for fields of an extended octet the tree left out). */
    private static Object zero(Variation v) {
        return v instanceof Group ? Map.of() : null;
    }

    private static void writeFixed(
            Variation v, Object value, byte[] out, int off, int bit, Map<String, Long> siblings, String name) {
        if (v instanceof Element e) {
            if (value == null) return; // zero bits
            long raw = raw(e, value, siblings);
            if (siblings != null && name != null) siblings.put(name, raw);
            Bits.write(out, off, bit, e.bits, raw);
            return;
        }
        Group g = (Group) v;
        Map<?, ?> m = value == null ? Map.of() : (Map<?, ?>) value;
        Map<String, Long> raw = new HashMap<>();
        for (Field f : g.fields) {
            if (f.isSpare()) continue;
            Object fv = m.get(f.name);
            if (fv == null && f.variation instanceof Element && !m.isEmpty()) {
                throw new IllegalArgumentException("missing element " + f.name);
            }
            writeFixed(f.variation, fv, out, off, bit + f.bitOffset, raw, f.name);
        }
    }

    /** Raw bits of an element value; checks the value fits the width. */
    static long raw(Element e, Object value, Map<String, Long> siblings) {
        Content c = e.content;
        if (c instanceof Content.Case k) {
            Long sel = siblings == null ? null : siblings.get(k.selector);
            c = sel == null ? k.otherwise : k.select(sel);
        }
        long raw;
        boolean signed = false;
        if (c instanceof Content.Quantity q) {
            raw = q.raw(((Number) value).doubleValue());
            signed = q.signed;
        } else if (c instanceof Content.Int i) {
            raw = ((Number) value).longValue();
            signed = i.signed;
        } else if (c instanceof Content.Table) {
            raw = ((Number) value).longValue();
        } else if (c instanceof Content.Str s) {
            String text = (String) value;
            int per = s.bitsPerChar();
            if (text.length() * per != e.bits)
                throw new IllegalArgumentException("string '" + text + "' does not fill " + e.bits + " bits");
            raw = 0;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                int code = switch (s.kind) {
                    case OCTAL -> ch >= '0' && ch <= '7' ? ch - '0' : -1;
                    case ICAO -> icao(ch);
                    case ASCII -> ch < 256 ? ch : -1;
                };
                if (code < 0) throw new IllegalArgumentException("character '" + ch + "' not encodable in " + s.kind);
                raw = (raw << per) | code;
            }
        } else {
            raw = value instanceof String h ? Long.parseUnsignedLong(h, 16) : ((Number) value).longValue();
        }
        if (e.bits < 64) {
            long lo = signed ? -(1L << (e.bits - 1)) : 0;
            long hi = signed ? (1L << (e.bits - 1)) - 1 : (1L << e.bits) - 1;
            if (raw < lo || raw > hi)
                throw new IllegalArgumentException("value " + value + " does not fit " + e.bits + " bits");
            raw &= (1L << e.bits) - 1;
        }
        return raw;
    }

    /** ICAO 6-bit character; '?' for codes outside the set (as in the fixtures; not re-encodable). */
    static char icaoChar(int code) {
        char c = Callsigns.charOf(code);
        return c == '#' ? '?' : c;
    }

    private static int icao(char ch) {
        return Callsigns.codeOf(ch);
    }
}
