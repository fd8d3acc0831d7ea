package org.vigil.codec.asterix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses Vigil's compact spec text (the structural subset of the asterix-specs .ast grammar,
 * see docs/ASTERIX.md) into the immutable model. Runs once at start-up; allocation is fine here.
 * Also accepts the original .ast files, whose prose blocks and titles it skips.
 */
public final class SpecParser {

    /** A parsed spec file: a category edition or a REF expansion. */
    public record Parsed(int category, String edition, boolean ref, CategorySpec spec, Compound expansion) {}

    private record Line(int indent, String text, int no) {}

    private static final java.util.Set<String> PROSE =
            java.util.Set.of("preamble", "definition", "description", "remark");

    private final List<Line> lines = new ArrayList<>();
    private int pos;

    private SpecParser(String text) {
        String[] raw = text.split("\n", -1);
        int skipBelow = -1;
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i].replace("\r", "");
            String t = s.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int indent = s.length() - s.stripLeading().length();
            if (skipBelow >= 0) {
                if (indent > skipBelow) continue;
                skipBelow = -1;
            }
            if (PROSE.contains(t)) {
                skipBelow = indent;
                continue;
            }
            lines.add(new Line(indent, t, i + 1));
        }
    }

    public static Parsed parse(String text) {
        return new SpecParser(text).file();
    }

    private Parsed file() {
        int category = -1;
        String edition = null;
        boolean ref = false;
        Map<String, Variation> items = new HashMap<>();
        List<String> uapIds = new ArrayList<>();
        Compound expansion = null;
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            String[] w = words(l.text);
            switch (w[0]) {
                case "asterix", "ref" -> {
                    ref = w[0].equals("ref");
                    category = Integer.parseInt(w[1]);
                    pos++;
                }
                case "edition" -> {
                    edition = w[1];
                    pos++;
                }
                case "date" -> pos++;
                case "items" -> {
                    pos++;
                    while (pos < lines.size() && lines.get(pos).indent > l.indent) {
                        Line item = lines.get(pos++);
                        String id = words(item.text)[0];
                        items.put(id, variation(item.indent));
                    }
                }
                case "uap" -> {
                    pos++;
                    while (pos < lines.size() && lines.get(pos).indent > l.indent) {
                        uapIds.add(words(lines.get(pos++).text)[0]);
                    }
                }
                case "compound" -> expansion = (Compound) variation(l.indent - 1);
                default -> throw error(l, "unexpected line");
            }
        }
        if (category < 0 || edition == null) throw new IllegalArgumentException("spec without header");
        if (ref) {
            if (expansion == null) throw new IllegalArgumentException("REF spec without compound");
            return new Parsed(category, edition, true, null, expansion);
        }
        ItemSpec[] uap = new ItemSpec[uapIds.size()];
        for (int i = 0; i < uap.length; i++) {
            String id = uapIds.get(i);
            if (id.equals("-")) continue;
            Variation v = items.get(id);
            if (v == null) throw new IllegalArgumentException("UAP names undefined item " + id);
            uap[i] = new ItemSpec(category, id, v);
        }
        return new Parsed(category, edition, false, new CategorySpec(category, edition, uap, null, null), null);
    }

    /** Parses the variation on the next line, which must be indented deeper than parentIndent. */
    private Variation variation(int parentIndent) {
        Line l = next(parentIndent);
        String[] w = words(l.text);
        switch (w[0]) {
            case "element": {
                int bits = Integer.parseInt(w[1]);
                return new Element(bits, content(l.indent));
            }
            case "group": {
                List<Field> fields = new ArrayList<>();
                int bit = 0;
                while (child(l.indent)) {
                    Line c = lines.get(pos);
                    String[] cw = words(c.text);
                    if (cw[0].equals("spare")) {
                        pos++;
                        int n = Integer.parseInt(cw[1]);
                        fields.add(new Field(null, null, bit, n));
                        bit += n;
                    } else {
                        pos++;
                        Variation v = variation(c.indent);
                        if (v.bitSize() < 0) throw error(c, "variable-size part of a group");
                        fields.add(new Field(cw[0], v, bit, v.bitSize()));
                        bit += v.bitSize();
                    }
                }
                return new Group(fields);
            }
            case "extended": {
                List<Field> fields = new ArrayList<>();
                List<Integer> ends = new ArrayList<>();
                int bit = 0;
                while (child(l.indent)) {
                    Line c = lines.get(pos);
                    String[] cw = words(c.text);
                    pos++;
                    if (cw[0].equals("-")) {
                        bit += 1;
                        if (bit % 8 != 0) throw error(c, "FX not at an octet end");
                        ends.add(bit);
                    } else if (cw[0].equals("spare")) {
                        int n = Integer.parseInt(cw[1]);
                        fields.add(new Field(null, null, bit, n));
                        bit += n;
                    } else {
                        Variation v = variation(c.indent);
                        fields.add(new Field(cw[0], v, bit, v.bitSize()));
                        bit += v.bitSize();
                    }
                }
                if (ends.isEmpty() || ends.get(ends.size() - 1) != bit) throw error(l, "extended must end with FX");
                return new Extended(
                        fields, ends.stream().mapToInt(Integer::intValue).toArray());
            }
            case "repetitive": {
                int rep = w[1].equals("fx") ? 0 : Integer.parseInt(w[1]);
                return new Repetitive(rep, variation(l.indent));
            }
            case "explicit":
                return new Explicit(w[1].equals("re"));
            case "compound": {
                int fixed = w.length > 1 ? Integer.parseInt(w[1]) : 0;
                List<String> names = new ArrayList<>();
                List<Variation> subs = new ArrayList<>();
                while (child(l.indent)) {
                    Line c = lines.get(pos++);
                    String name = words(c.text)[0];
                    if (name.equals("-")) {
                        names.add(null);
                        subs.add(null);
                    } else {
                        names.add(name);
                        subs.add(variation(c.indent));
                    }
                }
                return new Compound(fixed, names, subs);
            }
            default:
                throw error(l, "unknown variation");
        }
    }

    private Content content(int parentIndent) {
        Line l = next(parentIndent);
        String t = l.text;
        String[] w = words(t);
        switch (w[0]) {
            case "raw":
                return Content.Raw.INSTANCE;
            case "bds":
                return Content.Bds.INSTANCE;
            case "table": {
                List<Integer> codes = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                while (child(l.indent)) {
                    String row = lines.get(pos++).text;
                    int colon = row.indexOf(':');
                    codes.add(Integer.parseInt(row.substring(0, colon).strip()));
                    texts.add(row.substring(colon + 1).strip());
                }
                return new Content.Table(
                        codes.stream().mapToInt(Integer::intValue).toArray(), texts.toArray(new String[0]));
            }
            case "string":
                return new Content.Str(Content.Str.Kind.valueOf(w[1].toUpperCase(Locale.ROOT)));
            case "signed":
            case "unsigned": {
                boolean signed = w[0].equals("signed");
                if (w[1].equals("integer")) return new Content.Int(signed);
                if (!w[1].equals("quantity")) throw error(l, "unknown number kind");
                double[] lsb = rational(w[2]);
                int q1 = t.indexOf('"');
                int q2 = t.indexOf('"', q1 + 1);
                String unit = q1 < 0 ? "" : t.substring(q1 + 1, q2);
                return new Content.Quantity(signed, lsb[0], lsb[1], unit);
            }
            case "case": {
                String path = w[1];
                String selector = path.substring(path.lastIndexOf('/') + 1);
                List<Long> keys = new ArrayList<>();
                List<Content> cases = new ArrayList<>();
                Content otherwise = Content.Raw.INSTANCE;
                while (child(l.indent)) {
                    Line c = lines.get(pos++);
                    String k = c.text.substring(0, c.text.length() - 1).strip();
                    Content sub = content(c.indent);
                    if (k.equals("default")) otherwise = sub;
                    else {
                        keys.add(Long.parseLong(k));
                        cases.add(sub);
                    }
                }
                return new Content.Case(
                        selector,
                        keys.stream().mapToLong(Long::longValue).toArray(),
                        cases.toArray(new Content[0]),
                        otherwise);
            }
            default:
                throw error(l, "unknown content");
        }
    }

    /** An LSB "a", "a/b", "a/b^c" as {numerator, denominator}, both exact doubles. */
    static double[] rational(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) return new double[] {Double.parseDouble(s), 1};
        double num = Double.parseDouble(s.substring(0, slash));
        String d = s.substring(slash + 1);
        int caret = d.indexOf('^');
        double den = caret < 0
                ? Double.parseDouble(d)
                : Math.pow(Double.parseDouble(d.substring(0, caret)), Integer.parseInt(d.substring(caret + 1)));
        return new double[] {num, den};
    }

    private boolean child(int parentIndent) {
        return pos < lines.size() && lines.get(pos).indent > parentIndent;
    }

    private Line next(int parentIndent) {
        if (!child(parentIndent)) {
            Line at = pos < lines.size() ? lines.get(pos) : new Line(0, "<end>", -1);
            throw error(at, "expected a nested definition");
        }
        return lines.get(pos++);
    }

    private static String[] words(String t) {
        return t.split("\\s+");
    }

    private static IllegalArgumentException error(Line l, String msg) {
        return new IllegalArgumentException("spec line " + l.no + " '" + l.text + "': " + msg);
    }
}
