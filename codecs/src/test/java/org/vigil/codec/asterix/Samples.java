package org.vigil.codec.asterix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers: loading fixtures, decoding whole recordings, comparing JSON trees within half an LSB. */
final class Samples {
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Sample recordings that have a {@code .asterix-specs.json} beside them. */
    static final List<String> WITH_SPECS_JSON = List.of(
            "CroatiaControlLtd-asterix/cat034.raw",
            "CroatiaControlLtd-asterix/cat048.raw",
            "CroatiaControlLtd-asterix/cat062cat065.raw",
            "CroatiaControlLtd-asterix/cat21_re.ast",
            "CroatiaControlLtd-asterix/cat_034_048.pcap",
            "CroatiaControlLtd-asterix/cat_062_065.pcap",
            "hpuhr-jASTERIX/cat021ed2.1.bin",
            "hpuhr-jASTERIX/cat034ed1.26.bin",
            "hpuhr-jASTERIX/cat048ed1.15.bin",
            "hpuhr-jASTERIX/cat062ed1.12.bin",
            "hpuhr-jASTERIX/cat062ed1.16.bin",
            "jlgconsulting-JADE/NATS_CAT048_119bytes_TCAS.ff",
            "jlgconsulting-JADE/final_frame_062_one_packet_sample2.FF",
            "jlgconsulting-JADE/final_frame_cat062_one_packet.ff",
            "mokhtarimokhtar-goasterix/sample.ast");

    private Samples() {}

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/asterix/samples/" + name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What decoding a recording produced. */
    static final class Decoded {
        final List<Map<String, Object>> records = new ArrayList<>();
        final List<byte[]> recordBytes = new ArrayList<>();
        final List<CategorySpec> recordSpecs = new ArrayList<>();
        final List<String> blocks = new ArrayList<>(); // "CAT/LEN"
        final List<String> unknown = new ArrayList<>(); // hex of unknown blocks' records part
        final List<String> rejections = new ArrayList<>();
        int framingErrors;
        DecodeStats stats;
    }

    static Decoded decode(String name) {
        return decode(bytes(name), new AsterixDecoder());
    }

    static Decoded decode(byte[] b, AsterixDecoder decoder) {
        Decoded d = new Decoded();
        RecordHandler h = new RecordHandler() {
            @Override
            public void record(AsterixRecord r) {
                d.records.add(AsterixTree.decode(r));
                d.recordBytes.add(r.toBytes());
                d.recordSpecs.add(r.spec());
            }

            @Override
            public void block(int category, byte[] buf, int off, int len) {
                d.blocks.add(category + "/" + len);
            }

            @Override
            public void unknownBlock(int category, byte[] buf, int off, int len) {
                d.unknown.add(AsterixTree.hex(buf, off + 3, len - 3));
            }

            @Override
            public void rejected(int category, Rejection why, int offset) {
                d.rejections.add(category + ":" + why.code + "@" + offset);
            }
        };
        d.framingErrors = Recording.split(
                b,
                b.length,
                Recording.detect(b, b.length),
                (packet, buf, off, len) -> decoder.decode(buf, off, len, h));
        d.stats = decoder.stats();
        return d;
    }

    /**
     * Differences between expected and actual JSON trees; numbers compare within half an LSB of
     * the element (looked up in the spec), other leaves exactly. Empty list = equal.
     */
    static List<String> diff(CategorySpec spec, JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff(spec, expected, actual, "", new ArrayList<>(), out);
        return out;
    }

    private static void diff(
            CategorySpec spec, JsonNode e, JsonNode a, String path, List<String> names, List<String> out) {
        if (a == null || a.isMissingNode()) {
            out.add(path + ": missing, expected " + e);
            return;
        }
        if (e.isObject()) {
            if (!a.isObject()) {
                out.add(path + ": expected object, got " + a);
                return;
            }
            e.fieldNames().forEachRemaining(k -> {
                names.add(k);
                diff(spec, e.get(k), a.get(k), path + "/" + k, names, out);
                names.remove(names.size() - 1);
            });
            a.fieldNames().forEachRemaining(k -> {
                if (!e.has(k)) out.add(path + "/" + k + ": unexpected " + a.get(k));
            });
        } else if (e.isArray()) {
            if (!a.isArray() || a.size() != e.size()) {
                out.add(path + ": expected " + e + ", got " + a);
                return;
            }
            for (int i = 0; i < e.size(); i++) diff(spec, e.get(i), a.get(i), path + "[" + i + "]", names, out);
        } else if (e.isNumber()) {
            double tol = lsb(spec, names) / 2;
            if (!a.isNumber()
                    || Math.abs(e.asDouble() - a.asDouble()) > tol
                    || (e.isIntegralNumber() != a.isIntegralNumber())) {
                out.add(path + ": expected " + e + " (tol " + tol + "), got " + a);
            }
        } else if (!e.equals(a)) {
            out.add(path + ": expected " + e + ", got " + a);
        }
    }

    /** LSB of the quantity element at an item path like [I048/040, RHO]; 0 when not a quantity. */
    static double lsb(CategorySpec spec, List<String> names) {
        if (spec == null || names.isEmpty()) return 0;
        ItemSpec item = null;
        for (ItemSpec i : spec.uapList()) if (i != null && i.key.equals(names.get(0))) item = i;
        if (item == null) return 0;
        Variation v = item.variation;
        for (int i = 1; i < names.size() && v != null; i++) {
            String n = names.get(i);
            if (v instanceof Repetitive r) v = r.element;
            if (v instanceof Explicit) {
                v = n.equals("REF") ? spec.expansion : null;
                continue;
            }
            if (v instanceof Group g) v = g.field(n) == null ? null : g.field(n).variation;
            else if (v instanceof Extended x) v = x.field(n) == null ? null : x.field(n).variation;
            else if (v instanceof Compound c) v = c.slot(n) < 0 ? null : c.subfields.get(c.slot(n));
        }
        if (v instanceof Repetitive r) v = r.element;
        if (!(v instanceof Element el)) return 0;
        Content c = el.content;
        if (c instanceof Content.Quantity q) return q.lsb();
        if (c instanceof Content.Case k) {
            double m = 0;
            for (Content x : k.cases) if (x instanceof Content.Quantity q) m = Math.max(m, q.lsb());
            return m;
        }
        return 0;
    }
}
