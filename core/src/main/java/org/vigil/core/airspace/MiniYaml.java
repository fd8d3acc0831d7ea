package org.vigil.core.airspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A reader for the subset of YAML that our airspace configuration uses, producing the same trees
 * as {@link MiniJson}: block mappings ({@code key: value}), block sequences ({@code - item},
 * including {@code - key: value} items), flow collections ({@code [27.9, 43.2]},
 * {@code {from: a, to: b}}, which may run over several lines), quoted and plain scalars, and
 * {@code #} comments. Plain scalars that look like numbers become {@link Double}; {@code true}/
 * {@code false} become {@link Boolean}; {@code null}/{@code ~} become {@code null}; everything
 * else (dates, ISO codes such as {@code NO}) stays a {@link String}.
 *
 * <p>Not supported, and rejected with the line number rather than misread: tabs for indentation,
 * anchors and aliases, tags, block scalars ({@code |}, {@code >}), multi-document streams.
 * Why our own: core must stay free of frameworks; this runs once at start-up.
 */
final class MiniYaml {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private record Line(int number, int indent, String text) { }

    private final List<Line> lines = new ArrayList<>();
    private int index;

    private MiniYaml(String source) {
        String[] raw = source.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            int indent = 0;
            while (indent < s.length() && s.charAt(indent) == ' ') indent++;
            if (indent < s.length() && s.charAt(indent) == '\t') {
                throw new AirspaceDataException("YAML line " + (i + 1) + ": tab used for indentation");
            }
            String body = stripComment(s.substring(indent)).strip();
            if (body.isEmpty() || body.equals("---")) continue;
            if (body.startsWith("&") || body.startsWith("*") || body.startsWith("!") || body.equals("...")) {
                throw new AirspaceDataException("YAML line " + (i + 1) + ": anchors, aliases, tags and document markers are not supported");
            }
            lines.add(new Line(i + 1, indent, body));
        }
    }

    static Object parse(String source) {
        MiniYaml y = new MiniYaml(source);
        if (y.lines.isEmpty()) return null;
        Object value = y.block(y.lines.get(0).indent());
        if (y.index < y.lines.size()) {
            throw y.error(y.lines.get(y.index), "unexpected indentation");
        }
        return value;
    }

    private Object block(int indent) {
        Line first = lines.get(index);
        if (isSequenceItem(first.text())) return sequence(indent);
        if (keyEnd(first.text()) >= 0) return mapping(indent);
        // a lone scalar or flow value as the whole block
        index++;
        return inline(first.text(), first);
    }

    private static boolean isSequenceItem(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    private List<Object> sequence(int indent) {
        List<Object> list = new ArrayList<>();
        while (index < lines.size()) {
            Line line = lines.get(index);
            if (line.indent() < indent) break;
            if (line.indent() > indent) throw error(line, "unexpected indentation inside a sequence");
            if (!isSequenceItem(line.text())) break;
            String rest = line.text().substring(1).strip();
            if (rest.isEmpty()) {
                index++;
                list.add(nestedOrNull(indent));
            } else if (keyEnd(rest) >= 0 && !startsFlowOrQuote(rest)) {
                // "- key: value": a mapping whose column is where "key" starts
                int column = line.indent() + line.text().indexOf(rest);
                lines.set(index, new Line(line.number(), column, rest));
                list.add(mapping(column));
            } else {
                index++;
                list.add(inline(rest, line));
            }
        }
        return list;
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (index < lines.size()) {
            Line line = lines.get(index);
            if (line.indent() < indent) break;
            if (line.indent() > indent) throw error(line, "unexpected indentation inside a mapping");
            if (isSequenceItem(line.text())) break;
            int colon = keyEnd(line.text());
            if (colon < 0) throw error(line, "expected 'key: value'");
            String key = unquote(line.text().substring(0, colon).strip(), line);
            String rest = line.text().substring(colon + 1).strip();
            if (map.containsKey(key)) throw error(line, "duplicate key '" + key + "'");
            index++;
            if (rest.isEmpty()) {
                // YAML allows "key:" followed by a sequence at the same column
                if (index < lines.size() && lines.get(index).indent() == indent && isSequenceItem(lines.get(index).text())) {
                    map.put(key, sequence(indent));
                } else {
                    map.put(key, nestedOrNull(indent));
                }
            } else {
                map.put(key, inline(rest, line));
            }
        }
        return map;
    }

    private Object nestedOrNull(int parentIndent) {
        if (index < lines.size() && lines.get(index).indent() > parentIndent) {
            return block(lines.get(index).indent());
        }
        return null;
    }

    /** A value on one line, or a flow collection continued over the following lines. */
    private Object inline(String text, Line line) {
        if (text.startsWith("|") || text.startsWith(">")) throw error(line, "block scalars are not supported");
        if (text.startsWith("&") || text.startsWith("*") || text.startsWith("!")) {
            throw error(line, "anchors, aliases and tags are not supported");
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            StringBuilder sb = new StringBuilder(text);
            while (flowDepth(sb) > 0) {
                if (index >= lines.size()) throw error(line, "unclosed flow collection");
                sb.append(' ').append(lines.get(index++).text());
            }
            Flow flow = new Flow(sb.toString(), line);
            Object v = flow.value();
            flow.skipSpace();
            if (flow.pos != flow.s.length()) throw error(line, "trailing text after flow collection");
            return v;
        }
        return scalar(text, line);
    }

    private static boolean startsFlowOrQuote(String s) {
        char c = s.charAt(0);
        return c == '[' || c == '{' || c == '"' || c == '\'';
    }

    /** Index of the ':' ending a mapping key (followed by a space or the end), outside quotes; -1 if none. */
    private static int keyEnd(String text) {
        if (text.isEmpty() || text.charAt(0) == '[' || text.charAt(0) == '{') return -1;
        int i = 0;
        if (text.charAt(0) == '"' || text.charAt(0) == '\'') {
            char q = text.charAt(0);
            i = 1;
            while (i < text.length() && text.charAt(i) != q) i += text.charAt(i) == '\\' && q == '"' ? 2 : 1;
            i++;
        }
        for (; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) return i;
        }
        return -1;
    }

    private static int flowDepth(CharSequence s) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') quote = c;
            else if (c == '[' || c == '{') depth++;
            else if (c == ']' || c == '}') depth--;
        }
        return depth;
    }

    private static String stripComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private Object scalar(String text, Line line) {
        if (text.startsWith("\"") || text.startsWith("'")) return unquote(text, line);
        switch (text) {
            case "null": case "~": case "Null": case "NULL": return null;
            case "true": case "True": case "TRUE": return Boolean.TRUE;
            case "false": case "False": case "FALSE": return Boolean.FALSE;
            default: break;
        }
        if (NUMBER.matcher(text).matches()) return Double.valueOf(text);
        return text;
    }

    private String unquote(String text, Line line) {
        if (text.length() >= 2 && text.charAt(0) == '\'' && text.charAt(text.length() - 1) == '\'') {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        if (text.length() >= 2 && text.charAt(0) == '"' && text.charAt(text.length() - 1) == '"') {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < text.length() - 1; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() - 1) {
                    char e = text.charAt(++i);
                    sb.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        if (text.startsWith("\"") || text.startsWith("'")) throw error(line, "unterminated quoted string");
        return text;
    }

    private AirspaceDataException error(Line line, String what) {
        return new AirspaceDataException("YAML line " + line.number() + ": " + what);
    }

    /** Flow-style value: [a, b], {k: v}, scalars ending at ',', ']' or '}'. */
    private final class Flow {
        final String s;
        final Line line;
        int pos;

        Flow(String s, Line line) {
            this.s = s;
            this.line = line;
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) throw error(line, "unexpected end of flow collection");
            char c = s.charAt(pos);
            if (c == '[') {
                pos++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (peek() == ']') { pos++; return list; }
                while (true) {
                    list.add(value());
                    skipSpace();
                    char d = pos < s.length() ? s.charAt(pos++) : 0;
                    if (d == ']') return list;
                    if (d != ',') throw error(line, "expected ',' or ']' in flow sequence");
                    skipSpace();
                    if (peek() == ']') { pos++; return list; } // trailing comma
                }
            }
            if (c == '{') {
                pos++;
                Map<String, Object> map = new LinkedHashMap<>();
                skipSpace();
                if (peek() == '}') { pos++; return map; }
                while (true) {
                    skipSpace();
                    Object k = token(true);
                    skipSpace();
                    if (peek() != ':') throw error(line, "expected ':' in flow mapping");
                    pos++;
                    Object v = value();
                    map.put(String.valueOf(k), v);
                    skipSpace();
                    char d = pos < s.length() ? s.charAt(pos++) : 0;
                    if (d == '}') return map;
                    if (d != ',') throw error(line, "expected ',' or '}' in flow mapping");
                }
            }
            return token(false);
        }

        /** A quoted or plain scalar; a key stops at ':' too. */
        Object token(boolean key) {
            skipSpace();
            char c = peek();
            if (c == '"' || c == '\'') {
                int start = pos++;
                while (pos < s.length() && s.charAt(pos) != c) pos += s.charAt(pos) == '\\' && c == '"' ? 2 : 1;
                if (pos >= s.length()) throw error(line, "unterminated quoted string");
                pos++;
                return unquote(s.substring(start, pos), line);
            }
            int start = pos;
            while (pos < s.length()) {
                char d = s.charAt(pos);
                if (d == ',' || d == ']' || d == '}' || (key && d == ':')) break;
                if (d == ':' && pos + 1 < s.length() && s.charAt(pos + 1) == ' ') break;
                pos++;
            }
            String t = s.substring(start, pos).strip();
            if (t.isEmpty()) throw error(line, "empty value in flow collection");
            return scalar(t, line);
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : 0;
        }

        void skipSpace() {
            while (pos < s.length() && s.charAt(pos) == ' ') pos++;
        }
    }
}
