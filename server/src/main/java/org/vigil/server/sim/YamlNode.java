package org.vigil.server.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.core.yaml.SafeYaml;
import org.vigil.core.yaml.YamlException;

/**
 * A YAML document as a tree that remembers where each value was written, so that scenario
 * errors can name the line. Built from the tokens of {@link SafeYaml}'s parser (so {@code NO} stays
 * a string, duplicate keys, aliases and type tags are errors); maps keep their order.
 * Exactly one of {@link #map}, {@link #list}, {@link #text} is non-null (text for scalars; a
 * YAML null is the text "null" with {@link #isNull}). Scenario and theatre files use it.
 */
public final class YamlNode {
    public final String path;
    public final int line;
    public final Map<String, YamlNode> map;
    public final List<YamlNode> list;
    public final String text;
    public final boolean isNull;

    private YamlNode(
            String path, int line, Map<String, YamlNode> map, List<YamlNode> list, String text, boolean isNull) {
        this.path = path;
        this.line = line;
        this.map = map;
        this.list = list;
        this.text = text;
        this.isNull = isNull;
    }

    /** The tree of {@code source}; errors name {@code file} and the line. */
    public static YamlNode parse(String source, String file) throws ScenarioException {
        try (JsonParser p = SafeYaml.parser(source)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new ScenarioException(file + ":1: the file is empty (expected a scenario mapping)");
            YamlNode root = read(p, t, "");
            if (p.nextToken() != null) {
                throw new ScenarioException(
                        file + ":" + p.currentTokenLocation().getLineNr()
                                + ": not valid YAML: unexpected content after the first document");
            }
            return root;
        } catch (IOException e) {
            YamlException y = SafeYaml.error(e, file);
            throw new ScenarioException(file + ":" + Math.max(y.line(), 0) + ": not valid YAML: " + y.problem());
        }
    }

    private static YamlNode read(JsonParser p, JsonToken t, String path) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> m = new LinkedHashMap<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    m.put(key, read(p, v, path.isEmpty() ? key : path + "." + key));
                }
                return new YamlNode(path, line, m, null, null, false);
            }
            case START_ARRAY: {
                List<YamlNode> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) l.add(read(p, t, path + "[" + l.size() + "]"));
                return new YamlNode(path, line, null, l, null, false);
            }
            case VALUE_NULL:
                return new YamlNode(path, line, null, null, "null", true);
            default:
                return new YamlNode(path, line, null, null, p.getText(), false);
        }
    }

    /** What the value is, for error messages: a mapping, a list, nothing or the text. */
    public String kind() {
        return map != null ? "a mapping" : list != null ? "a list" : isNull ? "nothing" : "'" + text + "'";
    }
}
