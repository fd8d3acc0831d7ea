package org.vigil.server.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each value was written, so that scenario
 * errors can name the line. Built from Jackson's streaming YAML parser; maps keep their order.
 * Exactly one of {@link #map}, {@link #list}, {@link #text} is non-null (text for scalars; a
 * YAML null is the text "null" with {@link #isNull}).
 */
final class YamlNode {
    final String path;
    final int line;
    final Map<String, YamlNode> map;
    final List<YamlNode> list;
    final String text;
    final boolean isNull;

    private YamlNode(String path, int line, Map<String, YamlNode> map, List<YamlNode> list, String text, boolean isNull) {
        this.path = path;
        this.line = line;
        this.map = map;
        this.list = list;
        this.text = text;
        this.isNull = isNull;
    }

    static YamlNode parse(String source, String file) throws ScenarioException {
        try (JsonParser p = new YAMLFactory().createParser(source)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new ScenarioException(file + ":1: the file is empty (expected a scenario mapping)");
            return read(p, t, "");
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp && jp.getLocation() != null
                    ? jp.getLocation().getLineNr() : 0;
            throw new ScenarioException(file + ":" + line + ": not valid YAML: " + m);
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

    String kind() {
        return map != null ? "a mapping" : list != null ? "a list" : isNull ? "nothing" : "'" + text + "'";
    }
}
